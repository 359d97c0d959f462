import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../errors.ts';
import { fakeKinde, kindeLikeToken, startRecordingServer, type RecordingServer } from '../testing/recording-server.ts';
import { exchangeToken } from './exchange-token.ts';

let server: RecordingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function kinde(opts: Parameters<typeof fakeKinde>[1] = {}) {
  server = await startRecordingServer();
  const s = server;
  s.setHandler(fakeKinde(() => s.url, opts));
  return s;
}

async function failure(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

describe('exchangeToken', () => {
  it('sends exactly the form Kinde documents for client_credentials', async () => {
    const s = await kinde();
    await exchangeToken({ businessDomain: s.url, clientId: 'test-client', clientSecret: 'test-secret' });

    expect(s.requests).toHaveLength(1);
    const req = s.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/oauth2/token');
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(req.headers.authorization).toBeUndefined();
    const form = new URLSearchParams(req.body);
    expect([...form.keys()].sort()).toEqual(['audience', 'client_id', 'client_secret', 'grant_type']);
    expect(Object.fromEntries(form)).toEqual({
      grant_type: 'client_credentials',
      client_id: 'test-client',
      client_secret: 'test-secret',
      audience: `${s.url}/api`,
    });
  });

  it('decodes the claims, scopes and expiry', async () => {
    const s = await kinde({ ttlSeconds: 600 });
    const before = Date.now();
    const token = await exchangeToken({ businessDomain: s.url, clientId: 'test-client', clientSecret: 'test-secret' });
    expect(token.claims.aud).toEqual([`${s.url}/api`]);
    expect(token.claims.gty).toEqual(['client_credentials']);
    expect(token.scopes).toEqual(['read:users', 'create:users']);
    expect(token.expiresAt).toBeGreaterThan(before + 590_000);
    expect(token.expiresAt).toBeLessThanOrEqual(before + 601_000);
  });

  it("surfaces Kinde's own error text with a hint for a wrong client", async () => {
    const s = await kinde();
    const err = await failure(exchangeToken({ businessDomain: s.url, clientId: 'test-client', clientSecret: 'wrong' }));
    expect(err.status).toBe(502);
    expect(err.code).toBe('token_exchange_failed');
    expect(err.message).toContain('invalid_client');
    expect(err.message).toContain('Client authentication failed');
    expect(err.message).not.toContain('wrong');
    expect(err.details).toMatchObject({ kindeError: 'invalid_client', hint: 'Check the client ID and secret of the M2M application.' });
  });

  it('points at the API authorisation when Kinde refuses the audience', async () => {
    server = await startRecordingServer((_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'invalid_request', error_description: 'The audience is not authorized for this client' }));
    });
    const err = await failure(exchangeToken({ businessDomain: server.url, clientId: 'c', clientSecret: 's' }));
    expect((err.details as { hint: string }).hint).toMatch(/Management API is enabled/);
  });

  it('never echoes the secret from a non-Kinde error page', async () => {
    server = await startRecordingServer((req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`boom ${req.body}`);
    });
    const err = await failure(exchangeToken({ businessDomain: server.url, clientId: 'c', clientSecret: 'sup3r-s3cret' }));
    expect(err.message).toContain('500');
    expect(err.message).not.toContain('sup3r-s3cret');
  });

  it('refuses a token that has already expired', async () => {
    server = await startRecordingServer();
    const s = server;
    const expired = await kindeLikeToken(s.url, { ttlSeconds: -10 });
    s.setHandler((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: expired, token_type: 'bearer' }));
    });
    const err = await failure(exchangeToken({ businessDomain: s.url, clientId: 'c', clientSecret: 's' }));
    expect(err.message).toMatch(/already expired/);
  });

  it('says which host it could not reach', async () => {
    server = await startRecordingServer();
    const url = server.url;
    await server.close();
    server = undefined;
    const err = await failure(exchangeToken({ businessDomain: url, clientId: 'c', clientSecret: 's' }));
    expect(err.message).toContain(`${url}/oauth2/token`);
    expect(err.message).toContain('ECONNREFUSED');
  });

  it('gives up on a silent token endpoint', async () => {
    server = await startRecordingServer(() => {});
    const err = await failure(exchangeToken({ businessDomain: server.url, clientId: 'c', clientSecret: 's', timeoutMs: 200 }));
    expect(err.message).toMatch(/did not answer/);
  });
});
