import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorSchema } from '@kinde-explorer/core';
import { startSandbox, type Sandbox } from '@kinde-explorer/kinde-mock';
import { createTestApp, type TestApp } from '../testing/create-test-app.ts';
import { jsonFetch, startChildServer } from './child-server.ts';

/**
 * Upstream faults from the sandbox: each gives a structured error or the upstream answer as it
 * is, and the explorer keeps serving. The timeout case uses a 1 s relay timeout so it stays quick.
 */
let sandbox: Sandbox;
let t: TestApp;
let envId: string;

const creds = (url: string) => [
  { key: 'business_domain', value: url },
  { key: 'client_id', value: 'sandbox_m2m_client' },
  { key: 'client_secret', value: 'sandbox_m2m_secret', secret: true },
];

const send = (url = '{{business_domain}}/api/v1/users?page_size=1') =>
  t.request('/api/send', { method: 'POST', json: { environmentId: envId, request: { method: 'GET', url } } });

async function relayError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body: unknown = await res.json();
  expect(apiErrorSchema.safeParse(body).success).toBe(true);
  expect((body as { error: { code: string } }).error.code).toBe(code);
  return body as { error: { code: string; message: string; details?: any } };
}

async function stillServing() {
  sandbox.reset();
  expect((await t.request('/api/health')).status).toBe(200);
  const ok = await send();
  expect(ok.status).toBe(200);
  expect(((await ok.json()) as { status: number }).status).toBe(200);
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, spec: null });
  t = await createTestApp();
  const res = await t.request('/api/environments', { method: 'POST', json: { name: 'Sandbox', variables: creds(sandbox.url) } });
  envId = ((await res.json()) as { id: string }).id;
});
afterEach(() => sandbox.reset());
afterAll(async () => {
  t?.close();
  await sandbox?.close();
});

describe('upstream faults', () => {
  it('answers 504 upstream_timeout when Kinde is slower than the timeout, and does not wait for it', async () => {
    const quick = await createTestApp({ env: { RELAY_TIMEOUT_SECONDS: '1' } });
    try {
      const env = await quick.request('/api/environments', { method: 'POST', json: { name: 'Sandbox', variables: creds(sandbox.url) } });
      const id = ((await env.json()) as { id: string }).id;
      const quickSend = () => quick.request('/api/send', { method: 'POST', json: { environmentId: id, request: { method: 'GET', url: '{{business_domain}}/api/v1/users' } } });
      await quickSend(); // token cached first, so only the API call is slow
      sandbox.setFaults({ latencyMs: 5_000 });
      const started = Date.now();
      const err = await relayError(await quickSend(), 504, 'upstream_timeout');
      expect(Date.now() - started).toBeLessThan(3_500);
      expect(err.error.message).toMatch(/1 ?s|second/);
    } finally {
      quick.close();
    }
    await stillServing();
  });

  it('answers 502 upstream_unreachable on a connection reset', async () => {
    await send();
    sandbox.setFaults({ reset: true });
    const err = await relayError(await send(), 502, 'upstream_unreachable');
    expect(err.error.message).toContain('127.0.0.1');
    await stillServing();
  });

  it('answers 502 upstream_unreachable when nothing listens on the business domain', async () => {
    const closed = await startSandbox({ port: 0, spec: null });
    const url = closed.url;
    await closed.close();
    const res = await t.request('/api/environments', { method: 'POST', json: { name: 'Gone', variables: creds(url) } });
    const goneId = ((await res.json()) as { id: string }).id;
    const sent = await t.request('/api/send', { method: 'POST', json: { environmentId: goneId, request: { method: 'GET', url: '{{business_domain}}/api/v1/users' } } });
    expect([502]).toContain(sent.status);
    const body = (await sent.json()) as { error: { code: string } };
    expect(['upstream_unreachable', 'token_exchange_failed']).toContain(body.error.code);
    await stillServing();
  });

  it.each([500, 502, 503])('passes an upstream %i through as the upstream status (the relay itself answers 200)', async (status) => {
    sandbox.setFaults({ status });
    const res = await send();
    expect(res.status).toBe(200);
    const result = (await res.json()) as { status: number; body: string };
    expect(result.status).toBe(status);
    expect(result.body).toContain('SANDBOX_FAULT');
    await stillServing();
  });

  it('passes a 429 through with its Retry-After header', async () => {
    sandbox.setFaults({ status: 429 });
    const result = (await (await send()).json()) as { status: number; headers: { key: string; value: string }[] };
    expect(result.status).toBe(429);
    expect(result.headers).toContainEqual({ key: 'retry-after', value: '1' });
    await stillServing();
  });

  it('returns invalid JSON as the text it is, without failing', async () => {
    sandbox.setFaults({ invalidJson: true });
    const res = await send();
    expect(res.status).toBe(200);
    const result = (await res.json()) as { status: number; body: string; bodyEncoding: string };
    expect(result.status).toBe(200);
    expect(result.bodyEncoding).toBe('utf8');
    expect(result.body).toBe('{"users":[{"id":"kp_1","email":');
    await stillServing();
  });

  it('refuses a 100 MB body with 502 response_too_large (64 MB cap) and keeps serving', async () => {
    sandbox.setFaults({ largeBodyBytes: 100 * 1024 * 1024 });
    const err = await relayError(await send(), 502, 'response_too_large');
    expect(err.error.message).toMatch(/64 ?MB/);
    await stillServing();
  });

  it('answers 502 token_exchange_failed when the token endpoint fails or resets', async () => {
    t.deps.tokens.forget(envId); // here and in the database, so the next send exchanges
    sandbox.setFaults({ status: 500, pathPrefix: '/oauth2/' });
    await relayError(await send(), 502, 'token_exchange_failed');
    sandbox.setFaults({ status: null, reset: true, pathPrefix: '/oauth2/' });
    const reset = await send();
    expect(reset.status).toBe(502);
    expect(['token_exchange_failed', 'upstream_unreachable']).toContain(((await reset.json()) as any).error.code);
    await stillServing();
  });
});

describe('memory under a 100 MB upstream body (a real server process)', () => {
  it('stays bounded: the relay streams and stops at the cap instead of buffering everything', async () => {
    const server = await startChildServer();
    try {
      const env = await jsonFetch(server.url, '/api/environments', { json: { name: 'Sandbox', variables: creds(sandbox.url) } });
      expect(env.status).toBe(201);
      const sendBig = () => jsonFetch(server.url, '/api/send', { json: { environmentId: env.body.id, request: { method: 'GET', url: '{{business_domain}}/api/v1/users' } } });
      // Warm up: token, JIT, spec load.
      expect((await sendBig()).status).toBe(200);
      await new Promise((r) => setTimeout(r, 1_000));
      const before = server.memory();

      sandbox.setFaults({ largeBodyBytes: 100 * 1024 * 1024 });
      for (let i = 0; i < 3; i++) {
        const res = await sendBig();
        expect(res.status).toBe(502);
        expect(res.body.error.code).toBe('response_too_large');
      }
      sandbox.reset();
      await new Promise((r) => setTimeout(r, 1_000));
      const after = server.memory();

      expect((await jsonFetch(server.url, '/api/health')).status).toBe(200);
      expect((await sendBig()).status).toBe(200);
      const figures = `RSS before ${before.rssMb} MB, peak ${after.peakMb} MB (+${after.peakMb - before.rssMb}), after ${after.rssMb} MB (+${after.rssMb - before.rssMb}) for 3 × 100 MB upstream bodies (cap 64 MB)`;
      console.log(`upstream-faults: ${figures}`);
      // Buffering the whole 100 MB (chunks, concat, string) would add 300 MB or more.
      expect(after.peakMb - before.rssMb, figures).toBeLessThan(300);
      expect(after.rssMb - before.rssMb, figures).toBeLessThan(200);
    } finally {
      await server.stop();
    }
  }, 120_000);
});
