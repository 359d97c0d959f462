import { createRun, planRequests, RunInputError, type RunSummary } from '@kinde-explorer/runner';
import { cliReporter, summaryText, type Output } from './cli-reporter.ts';
import { InputError } from './input-error.ts';
import { loadCollection, loadData, loadEnvironment } from './load-inputs.ts';
import { localSender } from './local-send.ts';
import { nonNegativeInt, parseReporters, type RunOptions } from './options.ts';
import { writeReports } from './reports.ts';
import { promptPassword } from './prompt-password.ts';
import { runOnServer } from './server-run.ts';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_BAD_INPUT = 2;

/** `kinde-explorer run <collection>`: answers the exit code (0 all passed, 1 a test or request failed, 2 bad input). */
export async function runCommand(collectionArg: string, opts: RunOptions, out: Output, err: Output): Promise<number> {
  const reporters = parseReporters(opts.reporters);
  const iterations = nonNegativeInt(opts.iterationCount, '--iteration-count', 1);
  const delayMs = nonNegativeInt(opts.delayRequest, '--delay-request') ?? 0;
  const timeoutMs = nonNegativeInt(opts.timeoutRequest, '--timeout-request', 1);
  const data = opts.iterationData && !opts.server ? loadData(opts.iterationData) : undefined;
  if (data && data.length === 0) throw new InputError(`The iteration data file "${opts.iterationData}" has no rows.`);
  const reporter = reporters.includes('cli') ? cliReporter(out) : undefined;

  let summary: RunSummary;
  let envForExport = { name: 'CLI environment', variables: [] as ReturnType<typeof loadEnvironment>['variables'] };
  if (opts.serverEmail && !opts.server) throw new InputError('--server-email signs in to an explorer given with --server <url>; without --server the collection runs from the file.');
  if (opts.server) {
    if (opts.envVar.length > 0 || opts.exportEnvironment) {
      throw new InputError('With --server the explorer uses its saved environment: --env-var and --export-environment do not apply (use the Runner\'s "Save variables to the environment").');
    }
    summary = await runOnServer(
      opts.server,
      collectionArg,
      {
        environment: opts.environment,
        folder: opts.folder,
        iterations,
        iterationData: opts.iterationData,
        delayMs,
        bail: opts.bail === true,
        // Never a password flag: it would stay in the shell's history and in `ps`.
        credentials: { email: opts.serverEmail ?? process.env.EXPLORER_EMAIL, password: process.env.EXPLORER_PASSWORD, promptPassword: (q) => promptPassword(q) },
      },
      (e) => reporter?.onEvent(e),
    );
  } else {
    const collection = loadCollection(collectionArg);
    const env = loadEnvironment(opts.environment, opts.envVar);
    envForExport = env;
    // Unknown --folder is bad input (exit 2) before any token is asked for.
    const needsToken = planRequests(collection, opts.folder).some((p) => (p.item.request.auth ?? 'kinde-m2m') === 'kinde-m2m');
    const sender = localSender(env.name, env.variables, { ...(timeoutMs !== undefined ? { timeoutMs } : {}), needsToken });
    try {
      const run = createRun(
        { collection, ...(opts.folder ? { folder: opts.folder } : {}), ...(iterations !== undefined ? { iterations } : {}), ...(data ? { data } : {}), delayMs, bail: opts.bail === true },
        { environment: sender.environment, send: sender.send },
      );
      const onSignal = () => run.stop();
      process.once('SIGINT', onSignal);
      try {
        for await (const event of run.events) reporter?.onEvent(event);
        summary = await run.done;
      } finally {
        process.off('SIGINT', onSignal);
      }
    } finally {
      await sender.close();
    }
  }
  if (reporter) out.write(`\n${summaryText(summary, out.color)}`);
  for (const file of writeReports(summary, reporters, opts, envForExport)) err.write(`wrote ${file}\n`);
  if (opts.suppressExitCode) return EXIT_OK;
  return summary.status === 'passed' ? EXIT_OK : EXIT_FAILED;
}

/** Errors a person can fix become exit code 2 with the message; anything else is a bug worth a stack. */
export function exitCodeFor(error: unknown, err: Output): number {
  if (error instanceof InputError || error instanceof RunInputError) {
    err.write(`error: ${error.message}\n`);
    return EXIT_BAD_INPUT;
  }
  err.write(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT_FAILED;
}
