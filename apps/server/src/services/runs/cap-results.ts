import type { RunSummary } from '@kinde-explorer/runner';

/** Stored response bodies of one run, all requests together (each is already cut by the engine). */
export const MAX_STORED_BODY_CHARS = 8 * 1024 * 1024;

/**
 * Keeps a stored run within `MAX_STORED_BODY_CHARS` of response bodies: when a long run goes over,
 * the bodies of requests that passed go first (they are the least looked at), then failed ones are
 * cut to a short head. Every cut body says so with `bodyTruncated`.
 */
export function capResults(summary: RunSummary, max = MAX_STORED_BODY_CHARS): RunSummary {
  const total = summary.results.reduce((n, r) => n + (r.response?.body.length ?? 0), 0);
  if (total <= max) return summary;
  const failedTotal = summary.results.reduce((n, r) => n + (r.failed ? (r.response?.body.length ?? 0) : 0), 0);
  const failedCap = failedTotal <= max ? Infinity : Math.max(1024, Math.floor(max / Math.max(1, summary.results.filter((r) => r.failed).length)));
  return {
    ...summary,
    results: summary.results.map((r) => {
      if (!r.response) return r;
      const cap = r.failed ? failedCap : 0;
      if (r.response.body.length <= cap) return r;
      return { ...r, response: { ...r.response, body: r.response.body.slice(0, cap), bodyTruncated: true } };
    }),
  };
}
