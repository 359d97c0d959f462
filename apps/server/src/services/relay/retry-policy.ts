import { isSocketReset } from '../../http/network-error.ts';

/** How an attempt that did not give the final answer ended, as the policy needs to know it. */
export interface FailedAttempt {
  error: unknown;
  /** The upstream had answered (status and headers) before it failed, e.g. mid-body. */
  answered: boolean;
  timedOut: boolean;
}

/**
 * Step 3 of a send: when one more attempt is worth it, at most once per reason.
 *  - A 401 to a token we held: it may have been revoked or rotated; renew it and retry.
 *  - A kept-alive connection the upstream had already closed fails before any answer; a GET or
 *    HEAD changes nothing upstream, so one more try (on a fresh connection) is safe.
 */
export class RetryPolicy {
  #renewedToken = false;
  #retriedReset = false;

  /** True (once) when a `status` answer to our token means: drop it, get a new one, try again. */
  renewTokenAfter(status: number, heldToken: boolean): boolean {
    if (status !== 401 || !heldToken || this.#renewedToken) return false;
    this.#renewedToken = true;
    return true;
  }

  /** True (once) when a failed attempt of `method` may be repeated as it was. */
  retryAfter(failure: FailedAttempt, method: string, signal: AbortSignal | undefined): boolean {
    if (this.#retriedReset || failure.answered || failure.timedOut || signal?.aborted) return false;
    if (!isSafeMethod(method) || !isSocketReset(failure.error)) return false;
    this.#retriedReset = true;
    return true;
  }
}

function isSafeMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}
