import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { createRedactor, interpolateRequest, type Redactor, type RequestTemplate, type SendInput, type SendResult } from '@kinde-explorer/core';
import { ApiError, apiError } from '../../errors.ts';
import type { ResolvedEnvironment } from '../environments/types.ts';
import { networkReason } from '../token/exchange-token.ts';
import { credentialsFor, requireBusinessDomain } from '../token/credentials.ts';
import type { TokenCache } from '../token/token-cache.ts';
import { checkTarget } from './check-target.ts';
import { readBody } from './read-body.ts';
import { showBody } from './response-body.ts';
import { appendQuery, upstreamBody } from './upstream-body.ts';
import { createUpstreamClient, discard, type UpstreamClient } from './upstream-client.ts';
import { upstreamHeaders } from './upstream-headers.ts';

export const DEFAULT_TIMEOUT_MS = 30_000;
/** Large enough for a 20–50 MB JSON export to reach the viewer whole. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

export interface RelayOptions {
  /** Per upstream attempt, headers and body included. */
  timeoutMs?: number;
  maxResponseBytes?: number;
}

/** What history may keep of a send: the template and the redacted outcome, never a secret or token. */
export interface SentRecord {
  environmentId: string;
  /** The request as the user wrote it (`{{vars}}` unexpanded), with any literal secret redacted. */
  request: RequestTemplate;
  sentAt: string;
  response?: SendResult;
  error?: { code: string; message: string };
}

export type SentListener = (record: SentRecord) => void;

export interface RelayDeps {
  tokens: TokenCache;
  options?: RelayOptions;
  /** A first listener; more can subscribe with `relay.onSent`. */
  onSent?: SentListener | undefined;
  /** The HTTP client for upstream calls; one keep-alive agent by default. */
  upstream?: UpstreamClient;
}

export type Relay = ReturnType<typeof createRelay>;

/** The `/api/send` pipeline: interpolate, lock the target, authorise, relay, redact. */
export function createRelay(deps: RelayDeps) {
  const timeoutMs = deps.options?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = deps.options?.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const listeners = new Set<SentListener>(deps.onSent ? [deps.onSent] : []);
  const upstream = deps.upstream ?? createUpstreamClient();

  async function send(input: SendInput, env: ResolvedEnvironment, signal?: AbortSignal): Promise<SendResult> {
    const started = performance.now();
    const redaction = new Redaction(env.secretValues);
    const sentAt = new Date().toISOString();
    try {
      const result = await relay(input.request, env, redaction, started, signal);
      notify({ environmentId: env.id, request: scrubTemplate(input.request, redaction.scrub), sentAt, response: result });
      return result;
    } catch (err) {
      const failure = signal?.aborted && !(err instanceof ApiError && err.code !== 'cancelled') ? cancelled() : err;
      if (failure instanceof ApiError) {
        const message = redaction.scrub(failure.message);
        notify({ environmentId: env.id, request: scrubTemplate(input.request, redaction.scrub), sentAt, error: { code: failure.code, message } });
        if (message !== failure.message) throw apiError(failure.status as ContentfulStatusCode, failure.code, message, failure.details);
      }
      throw failure;
    }
  }

  async function relay(template: RequestTemplate, env: ResolvedEnvironment, redaction: Redaction, started: number, signal?: AbortSignal): Promise<SendResult> {
    const businessDomain = requireBusinessDomain(env);
    // The normalised origin, whatever spelling was stored, so `{{business_domain}}/api/...` always parses.
    const resolved = interpolateRequest(template, { ...env.variables, business_domain: businessDomain });
    if (!resolved.ok) {
      if (resolved.code === 'variable_loop') throw apiError(400, 'variable_loop', `${capitalise(resolved.errors.join('; '))}.`, { loop: resolved.loop });
      const names = resolved.unresolved.map((n) => `{{${n}}}`).join(', ');
      const plural = resolved.unresolved.length > 1;
      throw apiError(
        400,
        'unresolved_variable',
        `Unresolved variable${plural ? 's' : ''} ${names}: add ${plural ? 'them' : 'it'} to the environment "${env.name}" or the request.`,
        { unresolved: resolved.unresolved },
      );
    }
    const request = resolved.value;
    const url = checkTarget(appendQuery(request.url, request.query), businessDomain);
    const useToken = (request.auth ?? 'kinde-m2m') === 'kinde-m2m';
    const creds = useToken ? credentialsFor(env) : undefined;
    // Build once before any token is spent, so a bad header or body is a 400 with nothing sent.
    upstreamHeaders(request.headers, { bearer: useToken ? '' : undefined, bodyContentType: upstreamBody(request.method, request.body).contentType });

    let tokenMs = 0;
    let upstreamMs = 0;
    let staleToken: string | undefined;
    let resetRetried = false;
    for (;;) {
      let bearer: string | undefined;
      if (creds) {
        const t0 = performance.now();
        try {
          if (staleToken !== undefined) deps.tokens.invalidate(env.id, staleToken);
          bearer = (await deps.tokens.get(env.id, creds, signal)).token.accessToken;
        } finally {
          tokenMs += performance.now() - t0;
        }
        redaction.add(bearer);
      }
      const { body, contentType } = upstreamBody(request.method, request.body);
      const headers = upstreamHeaders(request.headers, { bearer, bodyContentType: contentType });

      const t0 = performance.now();
      const attemptAbort = new AttemptAbort(signal, timeoutMs);
      let answered = false;
      try {
        const res = await upstream.send(url, { method: request.method, headers, body, signal: attemptAbort.signal });
        answered = true;
        // A 401 with a token we held: it may have been revoked or rotated. Renew once, retry once.
        if (res.status === 401 && bearer !== undefined && staleToken === undefined) {
          await discard(res.body);
          upstreamMs += performance.now() - t0;
          staleToken = bearer;
          continue;
        }
        const bytes = await readBody(res, maxBytes, url.host);
        upstreamMs += performance.now() - t0;
        const shown = showBody(bytes, res.contentType, redaction.secrets, redaction.scrub);
        return {
          status: res.status,
          statusText: res.statusText,
          headers: res.headers.map(([key, value]) => ({ key, value: redaction.scrub(value) })),
          ...shown,
          size: bytes.byteLength,
          truncated: false,
          timings: { tokenMs: round(tokenMs), upstreamMs: round(upstreamMs), totalMs: round(performance.now() - started) },
          url: redaction.scrub(url.href),
        };
      } catch (err) {
        // A kept-alive connection the upstream had already closed fails before any answer; a GET
        // changes nothing upstream, so one more try (on a fresh connection) is safe.
        if (!answered && !resetRetried && isSafeMethod(request.method) && !signal?.aborted && !attemptAbort.timedOut && isSocketReset(err)) {
          resetRetried = true;
          upstreamMs += performance.now() - t0;
          continue;
        }
        throw upstreamFailure(err, { signal, timedOut: attemptAbort.timedOut, host: url.host, timeoutMs });
      } finally {
        attemptAbort.dispose();
      }
    }
  }

  function notify(record: SentRecord) {
    if (listeners.size === 0) return;
    // History may write to the database: keep it off the response's path.
    setImmediate(() => {
      for (const listener of listeners) {
        try {
          listener(record);
        } catch {
          // A history failure must never affect a send.
        }
      }
    });
  }

  /** Subscribes to every finished send (success or relay error), redacted; returns an unsubscribe. */
  function onSent(listener: SentListener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  return { send, onSent, timeoutMs, maxResponseBytes: maxBytes, close: () => upstream.close() };
}

function upstreamFailure(err: unknown, ctx: { signal?: AbortSignal | undefined; timedOut: boolean; host: string; timeoutMs: number }): unknown {
  if (err instanceof ApiError) return err;
  if (ctx.signal?.aborted) return cancelled();
  if (ctx.timedOut) {
    return apiError(
      504,
      'upstream_timeout',
      `${ctx.host} did not answer within ${formatSeconds(ctx.timeoutMs)}. Try again, or ask for less (e.g. a smaller page_size).`,
      { timeoutMs: ctx.timeoutMs },
    );
  }
  const reason = networkReason(err);
  return apiError(
    502,
    'upstream_unreachable',
    `Could not reach ${ctx.host} (${reason}). Check the environment's business_domain and that this server can reach it.`,
    { host: ctx.host, reason },
  );
}

function isSafeMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}

const RESET_CODES = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']);

function isSocketReset(err: unknown): boolean {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === 'string' && RESET_CODES.has(code);
}

/** The client went away; nobody reads this answer, but the log and history say what happened. */
function cancelled(): ApiError {
  return apiError(499 as ContentfulStatusCode, 'cancelled', 'The request was cancelled.');
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

/** A send's secrets and their redactor, compiled on first use (after the token has joined). */
class Redaction {
  readonly secrets: string[];
  #scrub: Redactor | undefined;

  constructor(secrets: Iterable<string>) {
    this.secrets = [...secrets];
  }

  add(secret: string): void {
    if (this.secrets.includes(secret)) return;
    this.secrets.push(secret);
    this.#scrub = undefined;
  }

  readonly scrub: Redactor = (text) => {
    this.#scrub ??= createRedactor(this.secrets);
    return this.#scrub(text);
  };
}

function scrubTemplate(template: RequestTemplate, scrub: Redactor): RequestTemplate {
  return JSON.parse(scrub(JSON.stringify(template))) as RequestTemplate;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
