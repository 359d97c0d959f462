import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { RequestTemplate, SendResult } from '@kinde-explorer/core';
import { ApiError, apiError } from '../../errors.ts';
import type { ResolvedEnvironment } from '../environments/types.ts';
import type { TokenCache } from '../token/token-cache.ts';
import { attempt } from './attempt.ts';
import { withBearer } from './outgoing-request.ts';
import { Redaction } from './redaction.ts';
import { cancelled, upstreamFailure } from './relay-errors.ts';
import { withRunVariables, type ResolveForSend } from './resolve-for-send.ts';
import { resolveRequest, type ResolvedRequest } from './resolve-request.ts';
import { showBody } from './response-body.ts';
import { RetryPolicy } from './retry-policy.ts';
import { createUpstreamClient, type UpstreamClient } from './upstream-client.ts';

export const DEFAULT_TIMEOUT_MS = 30_000;
/** Large enough for a 20–50 MB JSON export to reach the viewer whole. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

export interface RelayOptions {
  /** Per upstream attempt, headers and body included. */
  timeoutMs?: number;
  maxResponseBytes?: number;
}

/** One request to send: what `/api/send`, the snippet service and the run engine hand over. */
export interface SendRequest {
  environmentId: string;
  /** The saved request's collection: its enabled variables fill what the environment lacks. */
  collectionId?: string | undefined;
  /** The template, `{{variables}}` unexpanded. */
  request: RequestTemplate;
  /**
   * A run's own non-secret values (captures, iteration data), over the environment's and the
   * collection's; a key holding one of the environment's secrets keeps the secret.
   */
  variables?: Record<string, string> | undefined;
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
  /** Assembles a send's environment and collection variables (`createSendResolver`). */
  resolveForSend: ResolveForSend;
  options?: RelayOptions;
  /** A first listener; more can subscribe with `relay.onSent`. */
  onSent?: SentListener | undefined;
  /** The HTTP client for upstream calls; one keep-alive agent by default. */
  upstream?: UpstreamClient;
}

export type Relay = ReturnType<typeof createRelay>;

/**
 * The send pipeline: resolve (variables → interpolated request, target locked) → attempt, with
 * the retry policy (401 → one re-exchange; reset socket → one retry) → redact → tell listeners.
 */
export function createRelay(deps: RelayDeps) {
  const timeoutMs = deps.options?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = deps.options?.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const listeners = new Set<SentListener>(deps.onSent ? [deps.onSent] : []);
  const upstream = deps.upstream ?? createUpstreamClient();

  /**
   * The one entry point for sending: answers the upstream's answer (any status) or rejects with
   * an `ApiError` (`unresolved_variable`, `target_not_allowed`, `upstream_timeout`, `cancelled`, …)
   * whose message holds no secret. Every outcome is told to the `onSent` listeners.
   */
  async function send(input: SendRequest, signal?: AbortSignal): Promise<SendResult> {
    const started = performance.now();
    const env = withRunVariables(await deps.resolveForSend(input.environmentId, input.collectionId), input.variables);
    const redaction = new Redaction(env.secretValues);
    const sentAt = new Date().toISOString();
    try {
      const result = await relay(resolveRequest(input.request, env), env, redaction, started, signal);
      notify({ environmentId: env.id, request: redaction.template(input.request), sentAt, response: result });
      return result;
    } catch (err) {
      const failure = signal?.aborted && !(err instanceof ApiError && err.code !== 'cancelled') ? cancelled() : err;
      if (failure instanceof ApiError) {
        const message = redaction.scrub(failure.message);
        notify({ environmentId: env.id, request: redaction.template(input.request), sentAt, error: { code: failure.code, message } });
        if (message !== failure.message) throw apiError(failure.status as ContentfulStatusCode, failure.code, message, failure.details);
      }
      throw failure;
    }
  }

  async function relay(req: ResolvedRequest, env: ResolvedEnvironment, redaction: Redaction, started: number, signal?: AbortSignal): Promise<SendResult> {
    const policy = new RetryPolicy();
    let tokenMs = 0;
    let upstreamMs = 0;
    let staleToken: string | undefined;
    for (;;) {
      let bearer: string | undefined;
      if (req.credentials) {
        const t0 = performance.now();
        try {
          if (staleToken !== undefined) deps.tokens.invalidate(env.id, staleToken);
          bearer = (await deps.tokens.get(env.id, req.credentials, signal)).token.accessToken;
        } finally {
          tokenMs += performance.now() - t0;
        }
        redaction.add(bearer);
      }
      const held = bearer;
      const result = await attempt(
        upstream,
        req.url,
        { method: req.method, headers: withBearer(req.outgoing.headers, bearer), body: req.outgoing.body },
        { signal, timeoutMs, maxBytes, discardIf: (status) => policy.renewTokenAfter(status, held !== undefined) },
      );
      upstreamMs += result.ms;
      if (!result.ok) {
        if (policy.retryAfter(result, req.method, signal)) continue;
        throw upstreamFailure(result.error, { signal, timedOut: result.timedOut, host: req.url.host, timeoutMs });
      }
      if (result.bytes === null) {
        staleToken = bearer;
        continue;
      }
      const { response: res, bytes } = result;
      return {
        status: res.status,
        statusText: res.statusText,
        headers: res.headers.map(([key, value]) => ({ key, value: redaction.scrub(value) })),
        ...showBody(bytes, res.contentType, redaction.secrets, redaction.scrub),
        size: bytes.byteLength,
        truncated: false,
        timings: { tokenMs: round(tokenMs), upstreamMs: round(upstreamMs), totalMs: round(performance.now() - started) },
        url: redaction.scrub(req.url.href),
      };
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

  return { send, onSent, resolveForSend: deps.resolveForSend, timeoutMs, maxResponseBytes: maxBytes, close: () => upstream.close() };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
