import { afterEach, describe, expect, it } from 'vitest';
import type { SendInput } from '@kinde-explorer/core';
import { startRecordingServer } from '../testing/recording-server.ts';
import { rejection, relayFixture, type RelayFixture } from '../testing/relay-fixture.ts';

let fx: RelayFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

const users: SendInput = { environmentId: 'env-1', request: { method: 'GET', url: '{{business_domain}}/api/v1/users' } };

describe('relay limits', () => {
  it('gives up on a silent upstream with upstream_timeout', async () => {
    fx = await relayFixture({ relay: { timeoutMs: 300 } });
    fx.setApi(() => {});
    const started = Date.now();
    const err = await rejection(fx.send(users, fx.env));
    expect(err.status).toBe(504);
    expect(err.code).toBe('upstream_timeout');
    expect(err.message).toContain(new URL(fx.kinde.url).host);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('times out a body that stalls after the headers', async () => {
    fx = await relayFixture({ relay: { timeoutMs: 300 } });
    fx.setApi((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"users":[');
    });
    expect((await rejection(fx.send(users, fx.env))).code).toBe('upstream_timeout');
  });

  it('refuses a response over the size cap while streaming it', async () => {
    fx = await relayFixture({ relay: { maxResponseBytes: 10_000 } });
    let written = 0;
    fx.setApi((_req, res, raw) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      // An endless body: only stopping early lets this test finish.
      const timer = setInterval(() => {
        written += 4096;
        res.write('x'.repeat(4096));
      }, 1);
      raw.socket.on('close', () => clearInterval(timer));
    });
    const err = await rejection(fx.send(users, fx.env));
    expect(err.status).toBe(502);
    expect(err.code).toBe('response_too_large');
    expect(err.message).toMatch(/RELAY_MAX_RESPONSE_MB/);
    expect(written).toBeGreaterThan(10_000);
  });

  it('refuses a declared oversize body without reading it', async () => {
    fx = await relayFixture({ relay: { maxResponseBytes: 1000 } });
    fx.setApi((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000' });
      res.end('y'.repeat(5000));
    });
    expect((await rejection(fx.send(users, fx.env))).code).toBe('response_too_large');
  });

  it('returns a body just under the cap whole', async () => {
    fx = await relayFixture({ relay: { maxResponseBytes: 10_000 } });
    fx.setApi((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('z'.repeat(10_000));
    });
    const result = await fx.send(users, fx.env);
    expect(result.size).toBe(10_000);
    expect(result.truncated).toBe(false);
  });

  it('leaves no timeout timer running once a send has answered', async () => {
    fx = await relayFixture({ relay: { timeoutMs: 600_000 } });
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    await fx.send(users, fx.env); // warm: token exchange, connection pool
    await new Promise((r) => setTimeout(r, 100));
    const before = timers();
    for (let i = 0; i < 5; i++) await fx.send(users, fx.env, new AbortController().signal);
    // A 10-minute timer per send kept alive would show here as five more.
    expect(timers()).toBeLessThanOrEqual(before + 1);
  });

  it('aborts the upstream request when the caller cancels', async () => {
    fx = await relayFixture();
    let upstreamClosed!: () => void;
    const closed = new Promise<void>((r) => (upstreamClosed = r));
    let arrived!: () => void;
    const gotRequest = new Promise<void>((r) => (arrived = r));
    fx.setApi((_req, _res, raw) => {
      raw.socket.on('close', () => upstreamClosed());
      arrived();
    });
    const controller = new AbortController();
    const sending = fx.send(users, fx.env, controller.signal);
    await gotRequest;
    controller.abort();
    const err = await rejection(sending);
    expect(err.code).toBe('cancelled');
    await closed;
  });

  it('retries a GET once when the connection is reset before any answer', async () => {
    fx = await relayFixture();
    let calls = 0;
    fx.setApi((_req, res, raw) => {
      calls += 1;
      if (calls === 1) raw.socket.destroy();
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{"users":[]}');
    });
    const result = await fx.send(users, fx.env);
    expect(result.status).toBe(200);
    expect(calls).toBe(2);
  });

  it('does not retry a POST whose connection was reset, nor a GET reset twice', async () => {
    fx = await relayFixture();
    let calls = 0;
    fx.setApi((_req, _res, raw) => {
      calls += 1;
      raw.socket.destroy();
    });
    const post: SendInput = { ...users, request: { ...users.request, method: 'POST', body: { mode: 'json', json: '{}' } } };
    expect((await rejection(fx.send(post, fx.env))).code).toBe('upstream_unreachable');
    expect(calls).toBe(1);
    expect((await rejection(fx.send(users, fx.env))).code).toBe('upstream_unreachable');
    expect(calls).toBe(3);
  });

  it('says which host it could not reach', async () => {
    const gone = await startRecordingServer();
    const url = gone.url;
    await gone.close();
    fx = await relayFixture();
    const env = { ...fx.env, businessDomain: url, variables: { ...fx.env.variables, business_domain: url } };
    const err = await rejection(fx.send({ ...users, request: { ...users.request, auth: 'none' } }, env));
    expect(err.status).toBe(502);
    expect(err.code).toBe('upstream_unreachable');
    expect(err.message).toContain(new URL(url).host);
    expect(err.message).toContain('ECONNREFUSED');
  });
});
