import { serve, type ServerType } from '@hono/node-server';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../app.ts';
import { createTestApp, type TestApp } from '../testing/create-test-app.ts';

let t: TestApp;
let server: ServerType;

afterEach(async () => {
  await new Promise((r) => server.close(r));
  t.close();
});

async function listen(): Promise<number> {
  t = await createTestApp();
  server = serve({ fetch: t.app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((r) => server.once('listening', () => r()));
  return (server.address() as AddressInfo).port;
}

/** A POST over a real socket; `chunks` are written one by one, so without a length the body is chunked. */
function post(port: number, path: string, chunks: (string | Buffer)[], headers: Record<string, string>): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, json: text ? JSON.parse(text) : null }));
    });
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

const env = JSON.stringify({ name: 'Over a socket', variables: [] });

describe('request bodies over a real socket (read from the Node request)', () => {
  it('parses a JSON body with a Content-Length once and validates it', async () => {
    const port = await listen();
    const ok = await post(port, '/api/environments', [env], { 'content-length': String(Buffer.byteLength(env)) });
    expect(ok.status).toBe(201);
    expect(ok.json.name).toBe('Over a socket');
    const bad = await post(port, '/api/environments', ['{"name":'], { 'content-length': '8' });
    expect(bad).toEqual({ status: 400, json: { error: { code: 'invalid_json', message: expect.any(String) } } });
    const invalid = await post(port, '/api/environments', ['{}'], { 'content-length': '2' });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.code).toBe('validation_failed');
  });

  it('reads a chunked body too', async () => {
    const port = await listen();
    const res = await post(port, '/api/environments', [env.slice(0, 10), env.slice(10)], {});
    expect(res.status).toBe(201);
  });

  it('refuses a declared oversize body with 413 without reading it', async () => {
    const port = await listen();
    const res = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: '/api/environments', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(MAX_BODY_BYTES + 1) } },
        (r) => {
          r.resume();
          resolve(r.statusCode!);
          req.destroy();
        },
      );
      req.on('error', () => {});
      req.write('{');
      setTimeout(() => reject(new Error('no answer before the body was sent')), 5_000);
    });
    expect(res).toBe(413);
    expect(await t.deps.environments.list()).toEqual([]);
  });

  it('counts a chunked body and refuses it with 413 once it passes the limit', async () => {
    const port = await listen();
    const piece = Buffer.alloc(1024 * 1024, 0x20);
    const chunks = Array.from({ length: Math.ceil(MAX_BODY_BYTES / piece.length) + 1 }, () => piece);
    const res = await post(port, '/api/environments', chunks, {});
    expect(res.status).toBe(413);
    expect(await t.deps.environments.list()).toEqual([]);
  });

  it('reads Host, Origin and Sec-Fetch-Site from the Node request for the rebinding and CSRF checks', async () => {
    const port = await listen();
    const length = { 'content-length': String(Buffer.byteLength(env)) };
    expect((await post(port, '/api/environments', [env], { ...length, host: 'evil.example' })).status).toBe(421);
    expect((await post(port, '/api/environments', [env], { ...length, origin: 'https://evil.example' })).status).toBe(403);
    expect((await post(port, '/api/environments', [env], { ...length, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post(port, '/api/environments', [env], { ...length, 'content-type': 'text/plain' })).json.error.code).toBe('invalid_json');
    expect(await t.deps.environments.list()).toEqual([]);
    const same = await post(port, '/api/environments', [env], { ...length, origin: `http://127.0.0.1:${port}`, 'sec-fetch-site': 'same-origin' });
    expect(same.status).toBe(201);
  });
});
