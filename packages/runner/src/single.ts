import { type Assertion, type CollectionVariable, type RequestTemplate, type Scripts, type SendResult } from '@kinde-explorer/core';
import { runRequest } from './engine/run-request.ts';
import { sleep } from './engine/rate-limit.ts';
import { RunVariables } from './engine/variables.ts';
import { ScriptSandbox } from './sandbox/sandbox.ts';
import { retryPolicySchema, scriptLimitsSchema, type RequestResult, type RunEnvironment, type RunEvent, type RunSend, type ScriptLimits, type TestResult } from './types.ts';

export interface SingleSendInput {
  name?: string;
  request: RequestTemplate;
  environment: RunEnvironment;
  collectionVariables?: readonly CollectionVariable[];
  /** Scripts of the collection and of the folders around the request (outermost first). */
  collectionScripts?: Scripts;
  folderScripts?: Scripts[];
  send: RunSend;
  signal?: AbortSignal;
  scriptLimits?: Partial<ScriptLimits>;
  /** Live console lines, as in a run. */
  onEvent?: (event: RunEvent) => void;
}

export interface SingleSendOutcome {
  result: RequestResult;
  environmentChanges: Record<string, string | null>;
  collectionVariableChanges: Record<string, string | null>;
}

/**
 * One send from the request builder with everything a run does around it: pre-request scripts,
 * the send, test scripts, assertions and captures. 429s are not waited out (the user is watching).
 */
export async function sendWithTests(input: SingleSendInput): Promise<SingleSendOutcome> {
  const variables = new RunVariables(input.environment, input.collectionVariables ?? []);
  let sandbox: Promise<ScriptSandbox> | undefined;
  const signal = input.signal ?? new AbortController().signal;
  try {
    const result = await runRequest(
      { item: { name: input.name ?? `${input.request.method} ${input.request.url}`, request: input.request }, path: [], folderScripts: input.folderScripts ?? [] },
      { iteration: 0, iterationCount: 1, index: 0 },
      {
        plan: { retry429: retryPolicySchema.parse({ maxRetries: 0 }), bodyCapChars: Number.MAX_SAFE_INTEGER },
        collectionScripts: input.collectionScripts,
        variables,
        send: input.send,
        sleep,
        sandbox: () => (sandbox ??= ScriptSandbox.create(scriptLimitsSchema.parse(input.scriptLimits ?? {}))),
        emit: (event) => input.onEvent?.(event),
        signal,
      },
    );
    if (!result) throw Object.assign(new Error('The request was cancelled.'), { code: 'cancelled' });
    return { result, environmentChanges: { ...variables.environmentChanges }, collectionVariableChanges: { ...variables.collectionChanges } };
  } finally {
    if (sandbox) void sandbox.then((s) => s.dispose(), () => undefined);
  }
}

/** Runs assertions against a response that is already there (e.g. re-checking after editing the table). */
export async function evaluateAssertions(assertions: readonly Assertion[], response: SendResult, limits?: Partial<ScriptLimits>): Promise<TestResult[]> {
  const enabled = assertions.filter((a) => a.enabled !== false);
  if (enabled.length === 0) return [];
  const outcome = await sendWithTests({
    request: { method: 'GET', url: response.url, assertions: enabled },
    environment: { name: '', values: {}, secretKeys: [] },
    send: async () => ({ ok: true, response }),
    ...(limits ? { scriptLimits: limits } : {}),
  });
  return outcome.result.tests;
}

