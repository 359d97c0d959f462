import { assertionCode, type RequestTemplate, type Scripts, type SendResult } from '@kinde-explorer/core';
import type { ScriptOutcome, ScriptRequestState, ScriptSandbox, ScriptState } from '../sandbox/sandbox.ts';
import type { ConsoleEntry, RequestResult, ResolvedRunPlan, RetryWait, RunEvent, RunSend, SendError, SendOutcome, TestResult } from '../types.ts';
import { evaluateCaptures } from './captures.ts';
import type { PlannedRequest } from './plan.ts';
import { planWait } from './rate-limit.ts';
import type { RunVariables } from './variables.ts';

export interface RequestRunDeps {
  plan: Pick<ResolvedRunPlan, 'retry429' | 'bodyCapChars'>;
  collectionScripts: Scripts | undefined;
  variables: RunVariables;
  send: RunSend;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Created on first use: a run without scripts or assertions never boots QuickJS. */
  sandbox: () => Promise<ScriptSandbox>;
  emit: (event: RunEvent) => void;
  signal: AbortSignal;
}

export interface RequestPosition {
  iteration: number;
  iterationCount: number;
  index: number;
}

type ScriptStep = { source: string; origin: TestResult['origin']; kind: TestResult['kind']; label: string };

/** One request of a run: pre-request scripts, the send (waiting out 429s), test scripts, assertions, captures. */
export async function runRequest(planned: PlannedRequest, at: RequestPosition, deps: RequestRunDeps): Promise<RequestResult | undefined> {
  const { item } = planned;
  const startedAt = new Date();
  const t0 = performance.now();
  const tests: TestResult[] = [];
  const consoleEntries: ConsoleEntry[] = [];
  const retries: RetryWait[] = [];
  let scriptMs = 0;
  const itemId = item.id ?? `${planned.path.join('/')}/${item.name}`;
  deps.emit({ type: 'request-started', iteration: at.iteration, index: at.index, ...(item.id ? { itemId: item.id } : {}), name: item.name, path: planned.path, method: item.request.method });

  let request: ScriptRequestState = {
    url: item.request.url,
    method: item.request.method,
    headers: (item.request.headers ?? []).map((h) => ({ ...h })),
    ...(item.request.body ? { body: structuredClone(item.request.body) } : {}),
  };

  const runSteps = async (phase: 'prerequest' | 'test', steps: ScriptStep[], response?: SendResult) => {
    for (const step of steps) {
      if (!step.source.trim()) continue;
      const sandbox = await deps.sandbox();
      const state: ScriptState = {
        phase,
        info: { eventName: phase, iteration: at.iteration, iterationCount: at.iterationCount, requestName: item.name, requestId: itemId },
        secretKeys: deps.variables.secretKeys,
        vars: deps.variables.forScript(),
        request,
        ...(response ? { response: scriptResponse(response) } : {}),
      };
      const outcome: ScriptOutcome = sandbox.run(step.source, state, `${step.label}.js`);
      scriptMs += outcome.durationMs;
      deps.variables.absorb(outcome);
      if (phase === 'prerequest') request = outcome.request;
      for (const entry of outcome.console) {
        consoleEntries.push(entry);
        deps.emit({ type: 'console', iteration: at.iteration, index: at.index, entry });
      }
      for (const t of outcome.tests) tests.push({ name: t.name, passed: t.passed, ...(t.error !== undefined ? { error: t.error } : {}), kind: step.kind, origin: step.origin, phase });
      if (outcome.error !== undefined) {
        tests.push({ name: `${phase === 'prerequest' ? 'Pre-request' : 'Test'} script of ${step.label}`, passed: false, error: outcome.error, kind: 'script', origin: step.origin, phase });
      }
    }
  };

  const folderSteps = (which: keyof Scripts): ScriptStep[] =>
    planned.folderScripts.map((s, i) => ({ source: s[which] ?? '', origin: 'folder' as const, kind: 'script' as const, label: `folder "${planned.path[i] ?? ''}"` }));
  const collectionStep = (which: keyof Scripts): ScriptStep[] => [{ source: deps.collectionScripts?.[which] ?? '', origin: 'collection', kind: 'script', label: 'the collection' }];
  const requestLabel = `request "${item.name}"`;

  await runSteps('prerequest', [...collectionStep('preRequest'), ...folderSteps('preRequest'), { source: item.request.scripts?.preRequest ?? '', origin: 'request', kind: 'script', label: requestLabel }]);
  if (deps.signal.aborted) return undefined;

  const template: RequestTemplate = {
    ...item.request,
    url: request.url,
    method: request.method as RequestTemplate['method'],
    headers: request.headers,
    ...(request.body ? { body: request.body } : {}),
  };
  const sent = await sendWithRetries(template, at, deps, retries);
  if (sent === undefined) return undefined;

  let response: SendResult | undefined;
  let error: SendError | undefined;
  if (sent.ok) response = sent.response;
  else error = sent.error;
  const captures = [];
  if (response) {
    const assertions = (item.request.assertions ?? []).filter((a) => a.enabled !== false);
    await runSteps(
      'test',
      [
        ...collectionStep('test'),
        ...folderSteps('test'),
        { source: item.request.scripts?.test ?? '', origin: 'request', kind: 'script', label: requestLabel },
        { source: assertions.map(assertionCode).join('\n'), origin: 'request', kind: 'assertion', label: `the assertions of ${requestLabel}` },
      ],
      response,
    );
    for (const c of evaluateCaptures(item.request.captures ?? [], response)) {
      captures.push(c);
      if (c.value !== null) deps.variables.setCollection(c.variable, c.value);
    }
  }

  const body = response?.body ?? '';
  return {
    iteration: at.iteration,
    index: at.index,
    ...(item.id ? { itemId: item.id } : {}),
    name: item.name,
    path: planned.path,
    method: template.method,
    url: response?.url ?? template.url,
    ...(response
      ? {
          response: {
            status: response.status,
            statusText: response.statusText,
            headers: response.headers,
            bodyEncoding: response.bodyEncoding,
            size: response.size,
            url: response.url,
            body: body.length > deps.plan.bodyCapChars ? body.slice(0, deps.plan.bodyCapChars) : body,
            bodyTruncated: response.truncated || body.length > deps.plan.bodyCapChars,
            timeMs: response.timings.totalMs,
          },
        }
      : {}),
    ...(error ? { error } : {}),
    tests,
    captures,
    console: consoleEntries,
    retries,
    failed: error !== undefined || tests.some((t) => !t.passed),
    scriptMs: Math.round(scriptMs * 1000) / 1000,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round((performance.now() - t0) * 10) / 10,
  };
}

/** Sends, waiting out 429s within the policy; undefined when the run was stopped meanwhile. */
async function sendWithRetries(template: RequestTemplate, at: RequestPosition, deps: RequestRunDeps, retries: RetryWait[]) {
  for (;;) {
    const sent = await deps.send({ request: template, variables: deps.variables.merged() }, deps.signal).catch(
      (err: unknown): SendOutcome => ({ ok: false, error: { code: 'internal_error', message: err instanceof Error ? err.message : String(err) } }),
    );
    if (deps.signal.aborted) return undefined;
    if (!sent.ok) return sent;
    const wait = planWait(sent.response, retries.length, deps.plan.retry429);
    if (!wait) return sent;
    const entry: RetryWait = { status: 429, waitMs: wait.waitMs, ...(wait.requestedMs !== undefined ? { requestedMs: wait.requestedMs } : {}) };
    retries.push(entry);
    deps.emit({ type: 'rate-limited', iteration: at.iteration, index: at.index, wait: entry });
    await deps.sleep(wait.waitMs, deps.signal);
    if (deps.signal.aborted) return undefined;
  }
}

function scriptResponse(r: SendResult): NonNullable<ScriptState['response']> {
  return {
    code: r.status,
    status: r.statusText,
    headers: r.headers,
    body: r.bodyEncoding === 'base64' ? Buffer.from(r.body, 'base64').toString('utf8') : r.body,
    responseTime: Math.round(r.timings.totalMs),
    responseSize: r.size,
  };
}
