import type { SendResult } from '@kinde-explorer/core';
import type { RetryPolicy } from '../types.ts';

/** Retry-After in ms: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(response: Pick<SendResult, 'headers'>, now = Date.now()): number | undefined {
  const raw = response.headers.find((h) => h.key.toLowerCase() === 'retry-after')?.value.trim();
  if (raw === undefined || raw === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(raw)) return Math.round(Number(raw) * 1000);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** How long to wait before trying a 429 again, or undefined when the policy says not to wait. */
export function planWait(response: SendResult, waitsSoFar: number, policy: RetryPolicy): { waitMs: number; requestedMs?: number } | undefined {
  if (response.status !== 429 || waitsSoFar >= policy.maxRetries) return undefined;
  const requestedMs = retryAfterMs(response);
  const waitMs = requestedMs ?? policy.defaultWaitMs;
  if (waitMs > policy.maxWaitMs) return undefined;
  return { waitMs, ...(requestedMs !== undefined ? { requestedMs } : {}) };
}

/** Waits, or resolves at once when the signal aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
