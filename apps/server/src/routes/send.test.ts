import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from '@kinde-explorer/kinde-mock';
import { createTestApp, type TestApp } from '../testing/create-test-app.ts';

const CLIENT_ID = 'route_test_client';
const CLIENT_SECRET = 'route-test-secret-5e1f9a';

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let t: TestApp;
let envId: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, rateLimit: null });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  sandbox.reset();
  t = await createTestApp();
  envId = await createEnv([
    { key: 'business_domain', value: sandbox.url },
    { key: 'client_id', value: CLIENT_ID },
    { key: 'client_secret', value: CLIENT_SECRET, secret: true },
  ]);
});
afterEach(() => t.close());

async function createEnv(variables: unknown[]): Promise<string> {
  const res = await t.request('/api/environments', { method: 'POST', json: { name: 'Sandbox', variables } });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const send = (request: unknown, environmentId = envId) => t.request('/api/send', { method: 'POST', json: { environmentId, request } });

type Body = { status: number; body: string; headers: { key: string; value: string }[]; error?: { code: string; message: string } };
const bodyOf = async (res: Response) => (await res.json()) as Body;

describe('POST /api/send', () => {
  it('lists users from the sandbox through the relay', async () => {
    const res = await send({ method: 'GET', url: '{{business_domain}}/api/v1/users?page_size=2' });
    expect(res.status).toBe(200);
    const result = await bodyOf(res);
    expect(result.status).toBe(200);
    const users = JSON.parse(result.body) as { users: unknown[]; next_token?: string };
    expect(users.users).toHaveLength(2);
    expect(sandbox.stats().tokenRequests).toBe(1);
  });

  it('answers 200 carrying an upstream error status', async () => {
    sandbox.setFaults({ status: 500 });
    const res = await send({ method: 'GET', url: '{{business_domain}}/api/v1/users' });
    expect(res.status).toBe(200);
    expect((await bodyOf(res)).status).toBe(500);
  });

  it('makes one token exchange for 100 concurrent sends on a cold cache', async () => {
    const results = await Promise.all(Array.from({ length: 100 }, () => send({ method: 'GET', url: '{{business_domain}}/api/v1/users?page_size=1' })));
    expect(results.map((r) => r.status)).toEqual(Array(100).fill(200));
    const statuses = await Promise.all(results.map(async (r) => (await bodyOf(r)).status));
    expect(statuses).toEqual(Array(100).fill(200));
    expect(sandbox.stats().tokenRequests).toBe(1);
    expect(sandbox.stats().apiRequests).toBe(100);
  });

  it('re-exchanges once and retries once on a 401, then returns the 401', async () => {
    sandbox.setFaults({ status: 401 });
    const result = await bodyOf(await send({ method: 'GET', url: '{{business_domain}}/api/v1/users' }));
    expect(result.status).toBe(401);
    expect(sandbox.stats().tokenRequests).toBe(2);
    expect(sandbox.stats().apiRequests).toBe(2);
  });

  it('never returns the client secret or the token, and never logs them', async () => {
    // Echo the secret through a query the sandbox may reflect, and read the token the server holds.
    const res = await send({ method: 'GET', url: '{{business_domain}}/api/v1/users?email={{client_secret}}' });
    const text = await res.text();
    const env = (await t.deps.environments.getResolved(envId));
    const { token } = await t.deps.tokens.get(envId, { businessDomain: sandbox.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    expect(env.secretValues).toContain(CLIENT_SECRET);
    for (const output of [text, t.logLines.join('\n')]) {
      expect(output).not.toContain(CLIENT_SECRET);
      expect(output).not.toContain(token.accessToken);
    }
  });

  it('names an unresolved variable in a 400', async () => {
    const res = await send({ method: 'GET', url: '{{business_domain}}/api/v1/organization?code={{org_code}}' });
    expect(res.status).toBe(400);
    const { error } = await bodyOf(res);
    expect(error?.code).toBe('unresolved_variable');
    expect(error?.message).toContain('{{org_code}}');
    expect(sandbox.stats().tokenRequests).toBe(0);
  });

  it('refuses a target outside the environment', async () => {
    const res = await send({ method: 'GET', url: `https://x.kinde.com@127.0.0.1:1/api/v1/users` });
    expect(res.status).toBe(400);
    expect((await bodyOf(res)).error?.code).toBe('target_not_allowed');
  });

  it.each([
    ['malformed JSON', '{"environmentId": "x", ', 'invalid_json'],
    ['a JSON array', '[]', 'validation_failed'],
    ['a method that does not exist', JSON.stringify({ environmentId: 'x', request: { method: 'FETCH', url: '/' } }), 'validation_failed'],
    ['a URL of the wrong type', JSON.stringify({ environmentId: 'x', request: { method: 'GET', url: 5 } }), 'validation_failed'],
    ['no request', JSON.stringify({ environmentId: 'x' }), 'validation_failed'],
    ['headers of the wrong shape', JSON.stringify({ environmentId: 'x', request: { method: 'GET', url: '/', headers: { a: 'b' } } }), 'validation_failed'],
    ['an unknown body mode', JSON.stringify({ environmentId: 'x', request: { method: 'POST', url: '/', body: { mode: 'graphql' } } }), 'validation_failed'],
  ])('answers %s with a 400, never a 500', async (_name, raw, code) => {
    const res = await t.request('/api/send', { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw });
    expect(res.status).toBe(400);
    const { error } = await bodyOf(res);
    expect(error?.code).toBe(code);
    expect(error?.message.length).toBeGreaterThan(10);
  });

  it('answers 404 for an unknown environment', async () => {
    const res = await send({ method: 'GET', url: '/api/v1/users' }, 'no-such-env');
    expect(res.status).toBe(404);
    expect((await bodyOf(res)).error?.code).toBe('not_found');
  });

  it('asks for the credentials an environment lacks', async () => {
    const bare = await createEnv([{ key: 'business_domain', value: sandbox.url }]);
    const res = await send({ method: 'GET', url: '{{business_domain}}/api/v1/users' }, bare);
    expect(res.status).toBe(400);
    const { error } = await bodyOf(res);
    expect(error?.code).toBe('missing_credentials');
    expect(error?.message).toMatch(/client_id or client_secret/);
  });

  it('refuses a response over the cap with response_too_large', async () => {
    t.close();
    t = await createTestApp({ env: { RELAY_MAX_RESPONSE_MB: '1' } });
    envId = await createEnv([
      { key: 'business_domain', value: sandbox.url },
      { key: 'client_id', value: CLIENT_ID },
      { key: 'client_secret', value: CLIENT_SECRET, secret: true },
    ]);
    sandbox.setFaults({ largeBodyBytes: 3 * 1024 * 1024 });
    const res = await send({ method: 'GET', url: '{{business_domain}}/api/v1/users' });
    expect(res.status).toBe(502);
    expect((await bodyOf(res)).error?.code).toBe('response_too_large');
  });

  it('relays a large JSON body whole under the default cap', async () => {
    sandbox.setFaults({ largeBodyBytes: 20 * 1024 * 1024 });
    const result = await bodyOf(await send({ method: 'GET', url: '{{business_domain}}/api/v1/users' }));
    expect(result.status).toBe(200);
    expect(result.body.length).toBeGreaterThanOrEqual(20 * 1024 * 1024);
    expect(() => JSON.parse(result.body)).not.toThrow();
  });
});

describe('POST /api/send with short-lived tokens', () => {
  it('replaces an expired token before sending', async () => {
    const shortLived = await startSandbox({ port: 0, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, tokenTtlSeconds: 2, rateLimit: null });
    try {
      const id = await createEnv([
        { key: 'business_domain', value: shortLived.url },
        { key: 'client_id', value: CLIENT_ID },
        { key: 'client_secret', value: CLIENT_SECRET, secret: true },
      ]);
      const users = { method: 'GET', url: '{{business_domain}}/api/v1/users?page_size=1' };
      expect((await bodyOf(await send(users, id))).status).toBe(200);
      await new Promise((r) => setTimeout(r, 2100));
      expect((await bodyOf(await send(users, id))).status).toBe(200);
      // Renewed ahead of expiry, not rescued by a 401 retry.
      expect(shortLived.stats().tokenRequests).toBe(2);
      expect(shortLived.stats().apiRequests).toBe(2);
    } finally {
      await shortLived.close();
    }
  });
});
