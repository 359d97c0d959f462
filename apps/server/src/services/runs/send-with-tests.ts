import { sendResultSchema, type RequestTemplate, type SendResult } from '@kinde-explorer/core';
import { z } from 'zod';
import { captureResultSchema, consoleEntrySchema, sendWithTests, testResultSchema } from '@kinde-explorer/runner';
import { ApiError, apiError } from '../../errors.ts';
import { relaySendForRun, runEnvironmentView } from '../relay/run-send.ts';
import type { Relay } from '../relay/relay.ts';
import type { AppDeps } from '../../deps.ts';
import { anyScript, type ScriptsAround } from '../collections/scripts-around.ts';

/** What a single send of a request with tests adds to the relay's answer. */
export const sendTestsSchema = z.object({
  results: z.array(testResultSchema),
  console: z.array(consoleEntrySchema),
  captures: z.array(captureResultSchema),
});
export type SendTests = z.infer<typeof sendTestsSchema>;

/** `/api/send`'s answer: the relay's, with `tests` when the request had scripts, assertions or captures. */
export const sendAnswerSchema = sendResultSchema.extend({ tests: sendTestsSchema.optional() });

/** Whether the request (or its collection and folders) has anything for the runner to do around its send. */
export function hasTests(request: RequestTemplate, around?: ScriptsAround): boolean {
  const enabled = (rows: readonly { enabled?: boolean | undefined }[] | undefined) => (rows ?? []).some((r) => r.enabled !== false);
  return anyScript([request.scripts, around?.collectionScripts, ...(around?.folderScripts ?? [])]) || enabled(request.assertions) || enabled(request.captures);
}

/**
 * A send from the request builder with the request's pre-request script, assertions, captures and
 * post-response script, run by the runner's single-send API around the same relay as `/api/send`
 * (with the saved request's collection: its variables, its scripts and its folders'). The answer is the relay's
 * own (full body, timings) plus `tests`. A relay failure is thrown as `/api/send` throws it;
 * variables the scripts set are not kept (a single send changes nothing).
 */
export async function sendTested(
  deps: Pick<AppDeps, 'relay' | 'environments'>,
  target: { environmentId: string; collectionId?: string | undefined; request: RequestTemplate },
  signal: AbortSignal,
  around?: ScriptsAround,
): Promise<SendResult & { tests: SendTests }> {
  const env = await deps.environments.getResolved(target.environmentId);
  let sent: SendResult | undefined;
  let failure: ApiError | undefined;
  // The relay as the run engine uses it, keeping its own answer (full body, timings) and its error.
  const recording: Relay = {
    ...deps.relay,
    send: async (...args) => {
      try {
        return (sent = await deps.relay.send(...args));
      } catch (err) {
        if (err instanceof ApiError) failure = err;
        throw err;
      }
    },
  };
  const outcome = await sendWithTests({
    request: target.request,
    environment: runEnvironmentView(env),
    ...(around ? { collectionVariables: around.collectionVariables, folderScripts: around.folderScripts } : {}),
    ...(around?.collectionScripts ? { collectionScripts: around.collectionScripts } : {}),
    signal,
    send: relaySendForRun(recording, { environmentId: target.environmentId, collectionId: target.collectionId }),
  });
  if (failure) throw failure;
  const { result } = outcome;
  const tests = { results: result.tests, console: result.console, captures: result.captures };
  if (!sent) {
    // Nothing was sent and the relay did not refuse: say why, with what the scripts said.
    const why = result.tests.find((t) => !t.passed)?.error ?? result.error?.message ?? 'a script stopped it';
    throw apiError(400, 'bad_request', `The request was not sent: ${why}. Fix the pre-request script under the request's Tests tab.`, { tests });
  }
  return { ...sent, tests };
}
