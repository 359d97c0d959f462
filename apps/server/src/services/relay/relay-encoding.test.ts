import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { SendInput } from '@kinde-explorer/core';
import { ApiError } from '../../errors.ts';
import { relayFixture, type RelayFixture } from '../testing/relay-fixture.ts';

let fx: RelayFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

const users: SendInput = { environmentId: 'env-1', request: { method: 'GET', url: '{{business_domain}}/api/v1/users' } };
const json = JSON.stringify({ code: 'OK', users: Array.from({ length: 200 }, (_, i) => ({ id: `kp_${i}`, email: `user${i}@example.com` })) });

describe('relay: compressed answers', () => {
  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ] as const)('asks for compression and decodes a %s body', async (encoding, compress) => {
    fx = await relayFixture();
    let asked: string | undefined;
    fx.setApi((req, res) => {
      asked = req.headers['accept-encoding'];
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding });
      res.end(compress(Buffer.from(json)));
    });
    const result = await fx.send(users, fx.env);
    expect(asked).toBe('gzip, deflate, br');
    expect(result.status).toBe(200);
    expect(result.body).toBe(json);
    expect(result.size).toBe(Buffer.byteLength(json));
  });

  it('keeps an Accept-Encoding the user set', async () => {
    fx = await relayFixture();
    let asked: string | undefined;
    fx.setApi((req, res) => {
      asked = req.headers['accept-encoding'];
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
    await fx.send({ ...users, request: { ...users.request, headers: [{ key: 'Accept-Encoding', value: 'identity' }] } }, fx.env);
    expect(asked).toBe('identity');
  });

  it('caps the decoded size, so a small zip bomb is refused', async () => {
    fx = await relayFixture({ relay: { maxResponseBytes: 100_000 } });
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20)); // ~50 KB on the wire, 50 MB decoded
    fx.setApi((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(bomb.byteLength) });
      res.end(bomb);
    });
    const err = await fx.send(users, fx.env).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('response_too_large');
  });

  it('names a body that does not decode instead of failing without a word', async () => {
    fx = await relayFixture();
    fx.setApi((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end('this is not gzip');
    });
    const err = await fx.send(users, fx.env).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(502);
    expect((err as ApiError).message).toMatch(/gzip body from .* could not be decoded/);
  });
});
