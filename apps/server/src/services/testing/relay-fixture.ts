import { decodeJwt } from 'jose';
import type { ServerResponse } from 'node:http';
import type { ResolvedEnvironment } from '../environments/types.ts';
import type { SendResult } from '@kinde-explorer/core';
import { expect } from 'vitest';
import { ApiError, apiError } from '../../errors.ts';
import { createRelay, type RelayOptions, type SendRequest, type SentRecord } from '../relay/relay.ts';
import { TokenCache } from '../token/token-cache.ts';
import { fakeKinde, startRecordingServer, type Handler, type RecordedRequest, type RecordingServer } from './recording-server.ts';

export const CLIENT_ID = 'test-client';
export const CLIENT_SECRET = 'test-secret-0123456789';

export interface RelayFixture {
  kinde: RecordingServer;
  env: ResolvedEnvironment;
  tokens: TokenCache;
  relay: ReturnType<typeof createRelay>;
  /** `relay.send` with `env` (default: the fixture's) as what `resolveForSend` answers for its id. */
  send: (input: SendRequest, env?: ResolvedEnvironment, signal?: AbortSignal) => Promise<SendResult>;
  records: SentRecord[];
  tokenRequests: () => RecordedRequest[];
  apiRequests: () => RecordedRequest[];
  setApi: (api: Handler) => void;
  close: () => Promise<void>;
}

/** A fake Kinde on a loopback port, an environment pointing at it, and a relay with a fresh token cache. */
export async function relayFixture(opts: { ttlSeconds?: number; relay?: RelayOptions; extraVars?: Record<string, string> } = {}): Promise<RelayFixture> {
  const kinde = await startRecordingServer();
  let api: Handler = (_req, res) => json(res, 200, { code: 'OK', users: [] });
  kinde.setHandler(
    fakeKinde(() => kinde.url, {
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      ttlSeconds: opts.ttlSeconds ?? 3600,
      api: (req, res, raw) => api(req, res, raw),
    }),
  );
  const env: ResolvedEnvironment = {
    id: 'env-1',
    name: 'Test',
    businessDomain: kinde.url,
    variables: { business_domain: kinde.url, client_id: CLIENT_ID, client_secret: CLIENT_SECRET, ...opts.extraVars },
    secretValues: [CLIENT_SECRET],
  };
  const tokens = new TokenCache();
  const records: SentRecord[] = [];
  // The environment the next send resolves to; a test may pass a variant of `env` to `send`.
  let current = env;
  const resolveForSend = async (id: string) => {
    if (id !== current.id) throw apiError(404, 'not_found', `No environment "${id}".`);
    return current;
  };
  const relay = createRelay({ tokens, resolveForSend, options: opts.relay, onSent: (r) => records.push(r) });
  return {
    kinde,
    env,
    tokens,
    relay,
    send: (input, using = env, signal) => {
      current = using;
      return relay.send(input, signal);
    },
    records,
    tokenRequests: () => kinde.requests.filter((r) => r.path === '/oauth2/token'),
    apiRequests: () => kinde.requests.filter((r) => r.path !== '/oauth2/token'),
    setApi: (h) => {
      api = h;
    },
    close: () => kinde.close(),
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** The bearer token a recorded request carried, or undefined. */
export function bearerOf(req: RecordedRequest): string | undefined {
  const auth = req.headers.authorization;
  return auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
}

/** Like Kinde's API: 401 unless the bearer token is present and unexpired. */
export function requireLiveToken(next: Handler): Handler {
  return (req, res, raw) => {
    const token = bearerOf(req);
    const exp = token ? decodeJwt(token).exp : undefined;
    if (!exp || exp * 1000 <= Date.now()) return json(res, 401, { errors: [{ code: 'UNAUTHORIZED', message: 'Invalid token' }] });
    return next(req, res, raw);
  };
}

/** The `ApiError` a promise rejects with; the test fails if it resolves or rejects with anything else. */
export async function rejection(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}
