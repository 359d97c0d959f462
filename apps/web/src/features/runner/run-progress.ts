import type { RequestResult, RunEvent, RunSummary } from '@kinde-explorer/runner';

/** What the Runner shows while a run streams in: counts, the request in flight, results so far. */
export interface RunProgress {
  totalRequests: number;
  iterations: number;
  /** Requests finished (sent or failed to send). */
  done: number;
  passedTests: number;
  failedTests: number;
  failedRequests: number;
  /** 429 answers waited out so far. */
  rateLimitWaits: number;
  current: { name: string; method: string; iteration: number; path: string[] } | null;
  results: RequestResult[];
  startedAt: string | null;
  summary: RunSummary | null;
}

export const EMPTY_PROGRESS: RunProgress = {
  totalRequests: 0,
  iterations: 0,
  done: 0,
  passedTests: 0,
  failedTests: 0,
  failedRequests: 0,
  rateLimitWaits: 0,
  current: null,
  results: [],
  startedAt: null,
  summary: null,
};

/** Folds one engine event into the progress (pure, so a replayed stream builds the same state). */
export function applyRunEvent(p: RunProgress, event: RunEvent): RunProgress {
  switch (event.type) {
    case 'run-started':
      return { ...EMPTY_PROGRESS, totalRequests: event.totalRequests, iterations: event.iterations, startedAt: event.startedAt };
    case 'request-started':
      return { ...p, current: { name: event.name, method: event.method, iteration: event.iteration, path: event.path } };
    case 'rate-limited':
      return { ...p, rateLimitWaits: p.rateLimitWaits + 1 };
    case 'request-finished': {
      const r = event.result;
      const failed = r.tests.filter((t) => !t.passed).length;
      return {
        ...p,
        done: p.done + 1,
        passedTests: p.passedTests + r.tests.length - failed,
        failedTests: p.failedTests + failed,
        failedRequests: p.failedRequests + (r.error ? 1 : 0),
        results: [...p.results, r],
      };
    }
    case 'run-finished':
      return fromSummary(event.summary);
    default:
      return p;
  }
}

/** The progress of a finished run, from its stored summary. */
export function fromSummary(summary: RunSummary): RunProgress {
  return {
    totalRequests: summary.totals.requests,
    iterations: summary.iterations,
    done: summary.totals.requests,
    passedTests: summary.totals.passedTests,
    failedTests: summary.totals.failedTests,
    failedRequests: summary.totals.failedRequests,
    rateLimitWaits: summary.totals.rateLimitWaits,
    current: null,
    results: summary.results,
    startedAt: summary.startedAt,
    summary,
  };
}

/** Failed requests first (in run order), then the rest. */
export function failuresFirst(results: readonly RequestResult[]): RequestResult[] {
  return [...results.filter((r) => r.failed), ...results.filter((r) => !r.failed)];
}

/** The slowest sent requests, slowest first. */
export function slowest(results: readonly RequestResult[], n = 5): RequestResult[] {
  return results
    .filter((r) => r.response)
    .sort((a, b) => (b.response?.timeMs ?? 0) - (a.response?.timeMs ?? 0))
    .slice(0, n);
}
