import { ScriptSandbox } from '../sandbox/sandbox.ts';
import { runPlanSchema, type RequestResult, type RunContext, type RunEvent, type RunHandle, type RunPlan, type RunStatus, type RunSummary, type RunTotals } from '../types.ts';
import { EventLog } from './event-log.ts';
import { planRequests, RunInputError } from './plan.ts';
import { sleep as realSleep } from './rate-limit.ts';
import { runRequest } from './run-request.ts';
import { RunVariables } from './variables.ts';

/**
 * Starts a run of a collection (or one of its folders) and returns at once. Throws `RunInputError`
 * for input a person must fix (an unknown folder, an invalid plan) before anything is sent.
 */
export function createRun(input: RunPlan, ctx: RunContext): RunHandle {
  const parsed = runPlanSchema.safeParse(input);
  if (!parsed.success) throw new RunInputError(`The run's settings are not valid: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'plan'}: ${i.message}`).join('; ')}`);
  const plan = parsed.data;
  const requests = planRequests(plan.collection, plan.folder);
  const rows = plan.data ?? [];
  const iterations = plan.iterations ?? (rows.length > 0 ? rows.length : 1);

  const log = new EventLog<RunEvent>();
  const abort = new AbortController();
  const sleep = ctx.sleep ?? realSleep;
  const variables = new RunVariables(ctx.environment, plan.collection.variables);
  let sandbox: Promise<ScriptSandbox> | undefined;
  const getSandbox = () => (sandbox ??= ScriptSandbox.create(plan.scriptLimits));
  const emit = (event: RunEvent) => log.push(event);

  const done = (async (): Promise<RunSummary> => {
    const startedAt = new Date();
    const t0 = performance.now();
    const results: RequestResult[] = [];
    let status: RunStatus = 'passed';
    // Let the caller subscribe before the first event.
    await Promise.resolve();
    emit({ type: 'run-started', collectionName: plan.collection.name, ...(plan.folder ? { folder: plan.folder } : {}), iterations, totalRequests: requests.length * iterations, startedAt: startedAt.toISOString() });
    try {
      let index = 0;
      outer: for (let iteration = 0; iteration < iterations; iteration++) {
        const row = rows.length > 0 ? rows[Math.min(iteration, rows.length - 1)] : undefined;
        variables.data = { ...(row ?? {}) };
        emit({ type: 'iteration-started', iteration, ...(row ? { data: row } : {}) });
        for (const planned of requests) {
          if (abort.signal.aborted) break outer;
          if (index > 0 && plan.delayMs > 0) await sleep(plan.delayMs, abort.signal);
          if (abort.signal.aborted) break outer;
          const result = await runRequest(planned, { iteration, iterationCount: iterations, index }, {
            plan,
            collectionScripts: plan.collection.scripts,
            variables,
            send: ctx.send,
            sleep,
            sandbox: getSandbox,
            emit,
            signal: abort.signal,
          });
          if (!result) break outer;
          index++;
          results.push(result);
          emit({ type: 'request-finished', result });
          if (result.failed) {
            status = 'failed';
            if (plan.bail) {
              status = 'bailed';
              break outer;
            }
          }
        }
      }
      if (abort.signal.aborted) status = 'stopped';
    } finally {
      if (sandbox) void sandbox.then((s) => s.dispose(), () => undefined);
    }
    const finishedAt = new Date();
    const summary: RunSummary = {
      collectionName: plan.collection.name,
      ...(plan.folder ? { folder: plan.folder } : {}),
      environmentName: ctx.environment.name,
      status,
      iterations,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationMs: Math.round(performance.now() - t0),
      totals: totalsOf(results),
      results,
      environmentChanges: { ...variables.environmentChanges },
      collectionVariableChanges: { ...variables.collectionChanges },
    };
    emit({ type: 'run-finished', summary });
    log.close();
    return summary;
  })();
  // A failure inside the engine itself still ends the event stream.
  done.catch(() => log.close());

  return { events: log, stop: () => abort.abort(), done };
}

export function totalsOf(results: readonly RequestResult[]): RunTotals {
  let tests = 0;
  let passedTests = 0;
  let waits = 0;
  let waitMs = 0;
  for (const r of results) {
    tests += r.tests.length;
    passedTests += r.tests.filter((t) => t.passed).length;
    waits += r.retries.length;
    waitMs += r.retries.reduce((sum, w) => sum + w.waitMs, 0);
  }
  return {
    requests: results.length,
    failedRequests: results.filter((r) => r.error !== undefined).length,
    tests,
    passedTests,
    failedTests: tests - passedTests,
    rateLimitWaits: waits,
    rateLimitWaitMs: waitMs,
  };
}
