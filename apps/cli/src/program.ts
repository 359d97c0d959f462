import { Command, Option } from 'commander';
import type { Output } from './cli-reporter.ts';
import type { RunOptions } from './options.ts';
import { exitCodeFor, runCommand } from './run-command.ts';

const collect = (value: string, previous: string[]) => [...previous, value];

/** The `kinde-explorer` command line: newman's `run` flags, so CI scripts switch with one word. */
export function buildProgram(out: Output, err: Output, setExit: (code: number) => void): Command {
  const program = new Command('kinde-explorer')
    .description('Run Postman collections (with their pm tests) against Kinde, newman-compatible.')
    .configureOutput({ writeOut: (s) => out.write(s), writeErr: (s) => err.write(s) })
    .exitOverride();

  program
    .command('run')
    .description('Run a Postman Collection v2.1 file: requests in tree order, their scripts and assertions, reports.')
    .argument('<collection>', 'Postman Collection v2.1 JSON file (with --server: a saved collection\'s name)')
    .option('-e, --environment <file>', 'Postman environment JSON (business_domain, client_id, client_secret, …)')
    .option('-d, --iteration-data <file>', 'CSV or JSON data file: one row per iteration, as {{column}} and pm.iterationData')
    .option('-n, --iteration-count <n>', 'how many iterations (default: the data rows, else 1)')
    .option('--folder <name>', 'run only this folder (its name, or Parent/Child)')
    .option('--bail', 'stop at the first failed test or request')
    .option('--delay-request <ms>', 'wait between requests', '0')
    .option('--timeout-request <ms>', 'time limit of each request (default 30000)')
    .option('-r, --reporters <list>', 'cli, junit, json (comma separated)', 'cli')
    .option('--reporter-junit-export <file>', 'JUnit XML report path (default newman/…xml with -r junit)')
    .option('--reporter-json-export <file>', 'JSON report path (default newman/…json with -r json)')
    .option('--export-environment <file>', 'write the environment with what scripts set during the run (secrets left empty)')
    .option('--env-var <key=value>', 'set an environment variable (repeatable)', collect, [])
    .option('--server <url>', 'run a collection saved in a running explorer (by name; -e names its environment)')
    .option('--server-email <email>', 'with --server, sign in with this account (default EXPLORER_EMAIL); the password comes from EXPLORER_PASSWORD or a prompt')
    .option('-x, --suppress-exit-code', 'exit 0 even when tests fail')
    .addOption(new Option('--no-color', 'plain output').default(out.color))
    .action(async (collection: string, opts: RunOptions) => {
      const o: Output = { ...out, color: opts.color && out.color };
      try {
        setExit(await runCommand(collection, opts, o, err));
      } catch (error) {
        setExit(exitCodeFor(error, err));
      }
    });
  program.showHelpAfterError('(run "kinde-explorer run --help" for the flags)');
  return program;
}
