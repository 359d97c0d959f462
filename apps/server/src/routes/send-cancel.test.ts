import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRecordingServer, type RecordingServer } from '../services/testing/recording-server.ts';
import { createTestApp, type TestApp } from '../testing/create-test-app.ts';

let t: TestApp;
let upstream: RecordingServer;
let envId: string;
let upstreamClosed: Promise<void>;
let upstreamArrived: Promise<void>;

beforeEach(async () => {
  t = await createTestApp();
  let closed!: () => void;
  let arrived!: () => void;
  upstreamClosed = new Promise((r) => (closed = r));
  upstreamArrived = new Promise((r) => (arrived = r));
  // Never answers: only a cancel ends the request.
  upstream = await startRecordingServer((_req, _res, raw) => {
    raw.socket.on('close', () => closed());
    arrived();
  });
  const res = await t.request('/api/environments', {
    method: 'POST',
    json: { name: 'Slow', variables: [{ key: 'business_domain', value: upstream.url }] },
  });
  envId = ((await res.json()) as { id: string }).id;
});
afterEach(async () => {
  await upstream.close();
  t.close();
});

const slowSend = (requestId?: string) => ({
  environmentId: envId,
  request: { method: 'GET', url: '{{business_domain}}/slow', auth: 'none' },
  ...(requestId ? { requestId } : {}),
});

describe('cancelling a send', () => {
  it('aborts the upstream request when the browser drops its request', async () => {
    const server = serve({ fetch: t.app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise<void>((r) => server.once('listening', () => r()));
    const port = (server.address() as AddressInfo).port;
    try {
      const controller = new AbortController();
      const pending = fetch(`http://127.0.0.1:${port}/api/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(slowSend()),
        signal: controller.signal,
      }).catch((e: unknown) => e);
      await upstreamArrived;
      controller.abort();
      await pending;
      await upstreamClosed;
      expect(upstream.requests).toHaveLength(1);
    } finally {
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise((r) => server.close(r));
    }
  });

  it('aborts the upstream request on DELETE /api/send/:requestId', async () => {
    const pending = t.request('/api/send', { method: 'POST', json: slowSend('req-42') });
    await upstreamArrived;
    const del = await t.request('/api/send/req-42', { method: 'DELETE' });
    expect(del.status).toBe(204);
    await upstreamClosed;
    const res = await pending;
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('cancelled');
    // Once finished, the id is unknown.
    expect((await t.request('/api/send/req-42', { method: 'DELETE' })).status).toBe(404);
  });
});

describe('cancelling a send with sign-in on', () => {
  it('lets only the session that started a send cancel it', async () => {
    const password = 'editor-password-for-cancel';
    const s = await createTestApp({ env: { EXPLORER_ACCESS_PASSWORD: password }, auth: { scryptCost: { N: 1024, r: 8, p: 1 } } });
    try {
      const signIn = async () => (await s.request('/api/auth/sign-in', { method: 'POST', json: { password } })).headers.get('set-cookie')!.split(';')[0]!;
      const mine = await signIn();
      const theirs = await signIn();
      const created = await s.request('/api/environments', { method: 'POST', headers: { cookie: mine }, json: { name: 'Slow', variables: [{ key: 'business_domain', value: upstream.url }] } });
      const environmentId = ((await created.json()) as { id: string }).id;
      const pending = s.request('/api/send', { method: 'POST', headers: { cookie: mine }, json: { environmentId, requestId: 'req-7', request: { method: 'GET', url: '{{business_domain}}/slow', auth: 'none' } } });
      await upstreamArrived;
      // Another session knowing the id cannot end someone else's send.
      expect((await s.request('/api/send/req-7', { method: 'DELETE', headers: { cookie: theirs } })).status).toBe(404);
      expect((await s.request('/api/send/req-7', { method: 'DELETE', headers: { cookie: mine } })).status).toBe(204);
      await upstreamClosed;
      expect(((await (await pending).json()) as { error: { code: string } }).error.code).toBe('cancelled');
    } finally {
      await s.close();
    }
  });
});
