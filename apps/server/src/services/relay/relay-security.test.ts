import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../errors.ts';
import { startRecordingServer, type RecordingServer } from '../testing/recording-server.ts';
import { bearerOf, json, relayFixture, type RelayFixture } from '../testing/relay-fixture.ts';

let fx: RelayFixture;
let canary: RecordingServer;
beforeAll(async () => {
  canary = await startRecordingServer();
});
afterAll(async () => {
  await canary.close();
});
afterEach(async () => {
  await fx?.close();
});

describe('relay target lock', () => {
  const kindePort = () => new URL(fx.kinde.url).port;
  const cases: [string, () => string][] = [
    ['another host', () => `http://localhost:${canary.port}/api/v1/users`],
    ['another port on the same host', () => `http://127.0.0.1:${canary.port}/api/v1/users`],
    ['user info before the real host', () => `http://127.0.0.1:${kindePort()}@127.0.0.1:${canary.port}/api/v1/users`],
    ['a suffix of the business domain', () => `http://127.0.0.1.localhost:${canary.port}/api/v1/users`],
    ['another scheme', () => `https://127.0.0.1:${canary.port}/api/v1/users`],
    ['a decimal IP for the canary', () => `http://2130706433:${canary.port}/api/v1/users`],
    ['a variable pointing elsewhere', () => `{{elsewhere}}/api/v1/users`],
  ];

  it.each(cases)('refuses %s before any byte leaves', async (_name, url) => {
    fx = await relayFixture({ extraVars: { elsewhere: `http://127.0.0.1:${canary.port}` } });
    const before = canary.connections();
    const err = await fx.send({ environmentId: 'env-1', request: { method: 'GET', url: url() } }, fx.env).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('target_not_allowed');
    expect((err as ApiError).status).toBe(400);
    // Give a stray connection time to land before asserting there was none.
    await new Promise((r) => setTimeout(r, 50));
    expect(canary.connections()).toBe(before);
    // Not even the token exchange happened.
    expect(fx.kinde.requests).toHaveLength(0);
  });

  it('returns a redirect as it is and never follows it', async () => {
    fx = await relayFixture();
    fx.setApi((_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.1:${canary.port}/steal` });
      res.end();
    });
    const before = canary.connections();
    const result = await fx.send({ environmentId: 'env-1', request: { method: 'GET', url: '{{business_domain}}/api/v1/users' } }, fx.env);
    expect(result.status).toBe(302);
    expect(result.headers).toContainEqual({ key: 'location', value: `http://127.0.0.1:${canary.port}/steal` });
    await new Promise((r) => setTimeout(r, 50));
    expect(canary.connections()).toBe(before);
  });
});

describe('relay redaction', () => {
  it('never returns the client secret or the access token, wherever upstream echoes them', async () => {
    fx = await relayFixture({ extraVars: { note: 'plain-value' } });
    fx.setApi((req, res) => {
      const token = bearerOf(req)!;
      json(res, 200, { youSent: req.headers.authorization, body: req.body, token, path: req.path }, { 'x-echo-token': token, 'x-echo-auth': req.headers.authorization! });
    });
    const secret = fx.env.variables.client_secret!;
    const result = await fx.send(
      {
        environmentId: 'env-1',
        request: {
          method: 'POST',
          url: '{{business_domain}}/api/v1/echo?s={{client_secret}}',
          body: { mode: 'json', json: '{"secret":"{{client_secret}}","note":"{{note}}"}' },
        },
      },
      fx.env,
    );
    const token = bearerOf(fx.apiRequests()[0]!)!;
    const everything = JSON.stringify(result);
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain(token);
    expect(everything).toContain('[redacted]');
    // Ordinary values are left alone.
    expect(result.body).toContain('plain-value');
    expect(result.url).toBe(`${fx.kinde.url}/api/v1/echo?s=[redacted]`);
  });

  it('redacts secrets from binary bodies too', async () => {
    fx = await relayFixture();
    const secret = fx.env.variables.client_secret!;
    fx.setApi((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(Buffer.concat([Buffer.from([0xff, 0xfe, 0x00]), Buffer.from(secret), Buffer.from([0x80])]));
    });
    const result = await fx.send({ environmentId: 'env-1', request: { method: 'GET', url: '/blob' } }, fx.env);
    expect(result.bodyEncoding).toBe('base64');
    expect(Buffer.from(result.body, 'base64').toString('latin1')).not.toContain(secret);
  });
});
