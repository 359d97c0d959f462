import { readBody } from './read-body.ts';
import { discard, type UpstreamClient, type UpstreamRequest, type UpstreamResponse } from './upstream-client.ts';
import type { FailedAttempt } from './retry-policy.ts';

export interface AttemptOptions {
  signal?: AbortSignal | undefined;
  /** For the whole attempt, headers and body included. */
  timeoutMs: number;
  maxBytes: number;
  /** Asked once the status is known: true drops the body unread (the answer will be retried). */
  discardIf?: ((status: number) => boolean) | undefined;
}

export type Attempt =
  | { ok: true; response: UpstreamResponse; bytes: Buffer; ms: number }
  | { ok: true; response: UpstreamResponse; bytes: null; ms: number }
  | ({ ok: false; ms: number } & FailedAttempt);

/**
 * Step 2 of a send: one upstream call with its own timeout, the body read under the size cap.
 * It never throws; how a failure is named, and whether to try again, is decided by the caller.
 */
export async function attempt(client: UpstreamClient, url: URL, request: Omit<UpstreamRequest, 'signal'>, opts: AttemptOptions): Promise<Attempt> {
  const started = performance.now();
  const abort = new AttemptAbort(opts.signal, opts.timeoutMs);
  let answered = false;
  try {
    const response = await client.send(url, { ...request, signal: abort.signal });
    answered = true;
    if (opts.discardIf?.(response.status)) {
      await discard(response.body);
      return { ok: true, response, bytes: null, ms: performance.now() - started };
    }
    const bytes = await readBody(response, opts.maxBytes, url.host);
    return { ok: true, response, bytes, ms: performance.now() - started };
  } catch (error) {
    return { ok: false, error, answered, timedOut: abort.timedOut, ms: performance.now() - started };
  } finally {
    abort.dispose();
  }
}

/**
 * One upstream attempt's signal: the caller's cancellation or the timeout, whichever comes first.
 * A plain controller and timer instead of `AbortSignal.any` + `AbortSignal.timeout`, which cost
 * ~100 µs per send and left a 30 s timer alive after every answer; `dispose` clears both.
 */
class AttemptAbort {
  readonly #controller = new AbortController();
  readonly #timer: NodeJS.Timeout;
  readonly #caller: AbortSignal | undefined;
  readonly #onCallerAbort = () => this.#controller.abort(this.#caller?.reason);
  timedOut = false;

  constructor(caller: AbortSignal | undefined, timeoutMs: number) {
    this.#caller = caller;
    this.#timer = setTimeout(() => {
      this.timedOut = true;
      this.#controller.abort(new DOMException('The upstream attempt timed out.', 'TimeoutError'));
    }, timeoutMs);
    if (caller?.aborted) this.#onCallerAbort();
    else caller?.addEventListener('abort', this.#onCallerAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#caller?.removeEventListener('abort', this.#onCallerAbort);
  }
}
