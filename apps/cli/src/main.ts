import { CommanderError } from 'commander';
import type { Output } from './cli-reporter.ts';
import { buildProgram } from './program.ts';
import { EXIT_BAD_INPUT } from './run-command.ts';

const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
const out: Output = { write: (s) => void process.stdout.write(s), isTTY: process.stdout.isTTY === true, color };
const err: Output = { write: (s) => void process.stderr.write(s), isTTY: process.stderr.isTTY === true, color: false };

let code = 0;
try {
  await buildProgram(out, err, (c) => (code = c)).parseAsync(process.argv);
} catch (error) {
  // Unknown flags, missing arguments, --help and --version: commander has already said why.
  if (error instanceof CommanderError) code = error.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
  else throw error;
}
process.exitCode = code;
