import { z } from 'zod';
import { collectionDocSchema, sendResultSchema, type RequestTemplate, type SendResult } from '@kinde-explorer/core';

/**
 * The run engine's inputs, events and results. Front ends (the server's Runner API, the CLI)
 * consume these; they hold no secret: the environment comes in as a view without secret values,
 * and every send goes through the front end's own relay.
 */

// ---------------------------------------------------------------- inputs

/** Environment as a run sees it: non-secret values, and which keys are secrets (read as undefined). */
export const environmentViewForRunSchema = z.object({
  name: z.string(),
  values: z.record(z.string(), z.string()),
  secretKeys: z.array(z.string()),
});
export type RunEnvironment = z.infer<typeof environmentViewForRunSchema>;

export const retryPolicySchema = z.object({
  /** Longest single wait for a 429's Retry-After; a longer one is not waited (the 429 is the answer). */
  maxWaitMs: z.number().int().min(0).max(600_000).default(30_000),
  /** How many 429s one request may wait out before its 429 is kept as the answer. */
  maxRetries: z.number().int().min(0).max(20).default(3),
  /** Wait used when a 429 has no (readable) Retry-After. */
  defaultWaitMs: z.number().int().min(0).max(600_000).default(1_000),
});
export type RetryPolicy = z.infer<typeof retryPolicySchema>;

export const scriptLimitsSchema = z.object({
  /** Wall time of one script before it is interrupted (an endless loop fails its script). */
  timeoutMs: z.number().int().min(1).max(60_000).default(1_000),
  /** Heap of the sandbox (bytes). */
  memoryBytes: z.number().int().min(1_000_000).max(1_024 * 1_024 * 1_024).default(64 * 1024 * 1024),
});
export type ScriptLimits = z.infer<typeof scriptLimitsSchema>;

export const runPlanSchema = z.object({
  collection: collectionDocSchema,
  /** Run only this folder (its id, or its name; a nested one as `Parent/Child`). */
  folder: z.string().optional(),
  /** Defaults to the number of data rows, else 1. */
  iterations: z.number().int().min(1).max(10_000).optional(),
  /** One row per iteration (CSV or JSON data file, parsed by `parseDataFile`); `{{column}}` and `pm.iterationData`. */
  data: z.array(z.record(z.string(), z.string())).max(100_000).optional(),
  delayMs: z.number().int().min(0).max(600_000).default(0),
  /** Stop at the first failed test or failed request. */
  bail: z.boolean().default(false),
  retry429: retryPolicySchema.default({ maxWaitMs: 30_000, maxRetries: 3, defaultWaitMs: 1_000 }),
  scriptLimits: scriptLimitsSchema.default({ timeoutMs: 1_000, memoryBytes: 64 * 1024 * 1024 }),
  /** Response bodies kept in results are cut at this many characters. */
  bodyCapChars: z.number().int().min(0).max(10_000_000).default(64 * 1024),
});
export type RunPlan = z.input<typeof runPlanSchema>;
export type ResolvedRunPlan = z.output<typeof runPlanSchema>;

/** One request to relay: the template after pre-request scripts, and the run's non-secret variables. */
export interface RunSendRequest {
  request: RequestTemplate;
  /**
   * Run-scoped values (local, iteration data, environment and collection overrides, merged by
   * Postman's precedence). Never a secret key: the front end adds secrets from its own store.
   */
  variables: Record<string, string>;
}

/** A relay failure (nothing came back from the upstream): same codes as `/api/send`'s errors. */
export const sendErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
});
export type SendError = z.infer<typeof sendErrorSchema>;

export type SendOutcome = { ok: true; response: SendResult } | { ok: false; error: SendError };

export type RunSend = (req: RunSendRequest, signal: AbortSignal) => Promise<SendOutcome>;

export interface RunContext {
  environment: RunEnvironment;
  send: RunSend;
  /** For tests: replaces waiting (delay, Retry-After); resolves early when the signal aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

// ---------------------------------------------------------------- results

export const testResultSchema = z.object({
  name: z.string(),
  passed: z.boolean(),
  /** Chai's message (or the script error) when it failed. */
  error: z.string().optional(),
  /** `assertion` for a row of the table, `script` for a `pm.test` or a script that threw. */
  kind: z.enum(['assertion', 'script']),
  /** Where the script lives: collection, folder or request; and which event. */
  origin: z.enum(['collection', 'folder', 'request']),
  phase: z.enum(['prerequest', 'test']),
});
export type TestResult = z.infer<typeof testResultSchema>;

export const consoleEntrySchema = z.object({
  level: z.enum(['log', 'info', 'warn', 'error', 'debug']),
  message: z.string(),
});
export type ConsoleEntry = z.infer<typeof consoleEntrySchema>;

export const captureResultSchema = z.object({
  variable: z.string(),
  /** null when the path or header was not in the response (the variable is left unchanged). */
  value: z.string().nullable(),
  source: z.string(),
});
export type CaptureResult = z.infer<typeof captureResultSchema>;

export const retryWaitSchema = z.object({
  status: z.literal(429),
  waitMs: z.number(),
  /** What the server's Retry-After asked for (ms), when it said. */
  requestedMs: z.number().optional(),
});
export type RetryWait = z.infer<typeof retryWaitSchema>;

export const responseSummarySchema = sendResultSchema.pick({ status: true, statusText: true, headers: true, bodyEncoding: true, size: true, url: true }).extend({
  /** At most `bodyCapChars` characters. */
  body: z.string(),
  bodyTruncated: z.boolean(),
  timeMs: z.number(),
});
export type ResponseSummary = z.infer<typeof responseSummarySchema>;

export const requestResultSchema = z.object({
  iteration: z.number().int(),
  /** Position in the run's flat order (0-based, over all iterations). */
  index: z.number().int(),
  itemId: z.string().optional(),
  name: z.string(),
  /** Folder names from the collection down to the request. */
  path: z.array(z.string()),
  method: z.string(),
  /** The URL as sent (from the response) or the template when nothing was sent. */
  url: z.string(),
  response: responseSummarySchema.optional(),
  error: sendErrorSchema.optional(),
  tests: z.array(testResultSchema),
  captures: z.array(captureResultSchema),
  console: z.array(consoleEntrySchema),
  retries: z.array(retryWaitSchema),
  /** True when a request failed to send, or any of its tests failed. */
  failed: z.boolean(),
  /** Script time for this request (all its pre-request and test scripts, assertions included). */
  scriptMs: z.number(),
  startedAt: z.string(),
  durationMs: z.number(),
});
export type RequestResult = z.infer<typeof requestResultSchema>;

export const runTotalsSchema = z.object({
  requests: z.number().int(),
  failedRequests: z.number().int(),
  tests: z.number().int(),
  passedTests: z.number().int(),
  failedTests: z.number().int(),
  /** 429 answers waited out (reported, not failed), and the time spent waiting. */
  rateLimitWaits: z.number().int(),
  rateLimitWaitMs: z.number(),
});
export type RunTotals = z.infer<typeof runTotalsSchema>;

/** passed: every request sent and every test passed; failed: some did not; stopped: stop(); bailed: --bail. */
export const runStatusSchema = z.enum(['passed', 'failed', 'stopped', 'bailed']);
export type RunStatus = z.infer<typeof runStatusSchema>;

export const runSummarySchema = z.object({
  collectionName: z.string(),
  folder: z.string().optional(),
  environmentName: z.string(),
  status: runStatusSchema,
  iterations: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string(),
  durationMs: z.number(),
  totals: runTotalsSchema,
  results: z.array(requestResultSchema),
  /**
   * What scripts set during the run, for an explicit write-back (never a secret key); null = unset.
   * The environment and collection themselves are not changed by a run.
   */
  environmentChanges: z.record(z.string(), z.string().nullable()),
  collectionVariableChanges: z.record(z.string(), z.string().nullable()),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

// ---------------------------------------------------------------- events

export const runEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('run-started'),
    collectionName: z.string(),
    folder: z.string().optional(),
    iterations: z.number().int(),
    /** Requests per iteration × iterations. */
    totalRequests: z.number().int(),
    startedAt: z.string(),
  }),
  z.object({ type: z.literal('iteration-started'), iteration: z.number().int(), data: z.record(z.string(), z.string()).optional() }),
  z.object({
    type: z.literal('request-started'),
    iteration: z.number().int(),
    index: z.number().int(),
    itemId: z.string().optional(),
    name: z.string(),
    path: z.array(z.string()),
    method: z.string(),
  }),
  z.object({ type: z.literal('console'), iteration: z.number().int(), index: z.number().int(), entry: consoleEntrySchema }),
  z.object({ type: z.literal('rate-limited'), iteration: z.number().int(), index: z.number().int(), wait: retryWaitSchema }),
  z.object({ type: z.literal('request-finished'), result: requestResultSchema }),
  z.object({ type: z.literal('run-finished'), summary: runSummarySchema }),
]);
export type RunEvent = z.infer<typeof runEventSchema>;

export interface RunHandle {
  /** Every event in order, ending with `run-finished`; each call gets the events from the start. */
  events: AsyncIterable<RunEvent>;
  /** Stops after aborting the request in flight; `done` then resolves with status `stopped`. */
  stop(): void;
  done: Promise<RunSummary>;
}
