import type { RunEvent } from '@kinde-explorer/runner';
import { capResults, MAX_STORED_BODY_CHARS } from './cap-results.ts';

export interface EventLimits {
  /** Response bodies over all `request-finished` events of one run. */
  bodyChars: number;
  /** Everything else stored for one run's events (the final summary aside, capped like the stored result). */
  totalChars: number;
}

export const EVENT_LIMITS: EventLimits = { bodyChars: MAX_STORED_BODY_CHARS, totalChars: 2 * MAX_STORED_BODY_CHARS };

/**
 * Keeps one run's stored events bounded, as its stored result is (cap-results.ts): bodies count
 * against `bodyChars` and, once it is spent, later ones are stored empty with `bodyTruncated`;
 * past `totalChars` console and progress events are dropped and results lose bodies and console
 * lines, so every request still shows. Returns the event's JSON, or undefined when it is dropped.
 */
export function createEventBudget(limits: EventLimits = EVENT_LIMITS) {
  let bodies = limits.bodyChars;
  let total = limits.totalChars;
  return (event: RunEvent): string | undefined => {
    if (event.type === 'run-finished') return JSON.stringify({ ...event, summary: capResults(event.summary, limits.bodyChars) });
    let e = event;
    if (e.type === 'request-finished' && e.result.response) {
      const length = e.result.response.body.length;
      if (length <= bodies) bodies -= length;
      else e = withoutBody(e);
    }
    let text = JSON.stringify(e);
    if (text.length > total) {
      if (e.type !== 'request-finished' && e.type !== 'request-started' && e.type !== 'run-started') return undefined;
      if (e.type === 'request-finished') text = JSON.stringify(withoutBody({ ...e, result: { ...e.result, console: [] } }));
    }
    total = Math.max(0, total - text.length);
    return text;
  };
}

type RequestFinished = Extract<RunEvent, { type: 'request-finished' }>;

function withoutBody(e: RequestFinished): RequestFinished {
  const response = e.result.response;
  if (!response || response.body === '') return e;
  return { ...e, result: { ...e.result, response: { ...response, body: '', bodyTruncated: true } } };
}
