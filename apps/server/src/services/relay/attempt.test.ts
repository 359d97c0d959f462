import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../errors.ts';
import { startRecordingServer, type RecordingServer } from '../testing/recording-server.ts';
import { attempt } from './attempt.ts';
import { createUpstreamClient } from './upstream-client.ts';

let server: RecordingServer;
const client = createUpstreamClient();
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(async () => {
  await client.close();
  await server.close();
});

const get = { method: 'GET', headers: { accept: 'application/json' }, body: undefined };
const opts = { timeoutMs: 5_000, maxBytes: 1024 };

describe('attempt', () => {
  it('answers the status, headers and the body read whole', async () => {
    server.setHandler((_req, res) => {
      res.writeHead(201, { 'content-type': 'application/json', 'x-id': 'a' });
      res.end('{"ok":true}');
    });
    const a = await attempt(client, new URL('/x', server.url), get, opts);
    expect(a.ok && a.response.status).toBe(201);
    expect(a.ok && a.bytes?.toString()).toBe('{"ok":true}');
    expect(a.ok && a.response.headers).toContainEqual(['x-id', 'a']);
    expect(a.ms).toBeGreaterThan(0);
  });

  it('drops the body unread when the caller will retry that status', async () => {
    server.setHandler((_req, res) => {
      res.writeHead(401);
      res.end('no');
    });
    const a = await attempt(client, new URL('/x', server.url), get, { ...opts, discardIf: (status) => status === 401 });
    expect(a.ok && a.bytes).toBeNull();
  });

  it('reports a timeout as timed out, without throwing', async () => {
    server.setHandler(() => {});
    const a = await attempt(client, new URL('/slow', server.url), get, { ...opts, timeoutMs: 200 });
    expect(a.ok).toBe(false);
    expect(!a.ok && a.timedOut).toBe(true);
    expect(!a.ok && a.answered).toBe(false);
  });

  it('reports a body over the cap as answered, with response_too_large', async () => {
    server.setHandler((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('x'.repeat(4096));
    });
    const a = await attempt(client, new URL('/big', server.url), get, opts);
    expect(!a.ok && a.answered).toBe(true);
    expect(!a.ok && (a.error as ApiError).code).toBe('response_too_large');
  });

  it("stops at the caller's cancellation", async () => {
    server.setHandler(() => {});
    const controller = new AbortController();
    const pending = attempt(client, new URL('/hang', server.url), get, { ...opts, signal: controller.signal });
    controller.abort();
    const a = await pending;
    expect(a.ok).toBe(false);
    expect(!a.ok && a.timedOut).toBe(false);
  });
});
