import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import type { SendInput } from '@kinde-explorer/core';
import { bearerOf, json, relayFixture, rejection, requireLiveToken, type RelayFixture } from '../testing/relay-fixture.ts';

let fx: RelayFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

const get = (url: string, extra: Partial<SendInput['request']> = {}): SendInput => ({
  environmentId: 'env-1',
  request: { method: 'GET', url, ...extra },
});

describe('relay.send', () => {
  it('relays to the business domain with the M2M token and answers with status, headers, body and timings', async () => {
    fx = await relayFixture();
    fx.setApi((_req, res) => json(res, 200, { code: 'OK', users: [{ id: 'kp_1' }] }, { 'x-request-id': 'abc' }));
    const result = await fx.send(get('{{business_domain}}/api/v1/users?page_size=5'), fx.env);

    expect(result.status).toBe(200);
    expect(JSON.parse(result.body)).toEqual({ code: 'OK', users: [{ id: 'kp_1' }] });
    expect(result.bodyEncoding).toBe('utf8');
    expect(result.headers).toContainEqual({ key: 'x-request-id', value: 'abc' });
    expect(result.size).toBe(Buffer.byteLength(result.body));
    expect(result.url).toBe(`${fx.kinde.url}/api/v1/users?page_size=5`);
    expect(result.timings.totalMs).toBeGreaterThanOrEqual(result.timings.upstreamMs);
    expect(result.timings.tokenMs).toBeGreaterThan(0);

    const [api] = fx.apiRequests();
    expect(api!.path).toBe('/api/v1/users?page_size=5');
    expect(decodeJwt(bearerOf(api!)!).aud).toEqual([`${fx.kinde.url}/api`]);
  });

  it('answers 200 with the upstream status for any upstream error status', async () => {
    fx = await relayFixture();
    fx.setApi((_req, res) => json(res, 404, { errors: [{ code: 'USER_NOT_FOUND', message: 'No user' }] }));
    const result = await fx.send(get('{{business_domain}}/api/v1/user?id=nope'), fx.env);
    expect(result.status).toBe(404);
    expect(result.statusText).toBe('Not Found');
    expect(result.body).toContain('USER_NOT_FOUND');
  });

  it('makes exactly one token exchange for 100 concurrent sends on a cold cache', async () => {
    fx = await relayFixture();
    fx.setApi(requireLiveToken((_req, res) => json(res, 200, { code: 'OK' })));
    const results = await Promise.all(Array.from({ length: 100 }, () => fx!.send(get('{{business_domain}}/api/v1/users'), fx!.env)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(fx.tokenRequests()).toHaveLength(1);
    expect(fx.apiRequests()).toHaveLength(100);
  });

  it('replaces an expired token before sending, without needing a 401', async () => {
    fx = await relayFixture({ ttlSeconds: 2 });
    fx.setApi(requireLiveToken((_req, res) => json(res, 200, { code: 'OK' })));
    await fx.send(get('{{business_domain}}/api/v1/users'), fx.env);
    const exp = decodeJwt(bearerOf(fx.apiRequests()[0]!)!).exp! * 1000;
    await new Promise((r) => setTimeout(r, Math.max(0, exp - Date.now()) + 20));

    const result = await fx.send(get('{{business_domain}}/api/v1/users'), fx.env);
    expect(result.status).toBe(200);
    expect(fx.tokenRequests()).toHaveLength(2);
    expect(fx.apiRequests()).toHaveLength(2);
    expect(bearerOf(fx.apiRequests()[1]!)).not.toBe(bearerOf(fx.apiRequests()[0]!));
  });

  it('re-exchanges once and retries once when the API rejects the token', async () => {
    fx = await relayFixture();
    const seen = new Set<string>();
    fx.setApi((req, res) => {
      const token = bearerOf(req)!;
      // The first token ever seen is "revoked": Kinde answers 401 to it.
      if (seen.size === 0 || seen.has(token) && seen.size === 1) {
        seen.add(token);
        return json(res, 401, { errors: [{ code: 'UNAUTHORIZED', message: 'revoked' }] });
      }
      seen.add(token);
      return json(res, 200, { code: 'OK' });
    });
    const result = await fx.send(get('{{business_domain}}/api/v1/users'), fx.env);
    expect(result.status).toBe(200);
    expect(fx.tokenRequests()).toHaveLength(2);
    expect(fx.apiRequests()).toHaveLength(2);
  });

  it('returns a second 401 as it is instead of looping', async () => {
    fx = await relayFixture();
    fx.setApi((_req, res) => json(res, 401, { errors: [{ code: 'UNAUTHORIZED', message: 'nope' }] }));
    const result = await fx.send(get('{{business_domain}}/api/v1/users'), fx.env);
    expect(result.status).toBe(401);
    expect(fx.tokenRequests()).toHaveLength(2);
    expect(fx.apiRequests()).toHaveLength(2);
  });

  it('names an unresolved variable and sends nothing', async () => {
    fx = await relayFixture();
    const err = await rejection(fx.send(get('{{business_domain}}/api/v1/organization?code={{org_code}}'), fx.env));
    expect(err.status).toBe(400);
    expect(err.code).toBe('unresolved_variable');
    expect(err.message).toBe('Unresolved variable {{org_code}}: add it to the environment "Test" or the request.');
    expect(fx.kinde.requests).toHaveLength(0);
  });

  it('names a variable loop instead of sending', async () => {
    fx = await relayFixture({ extraVars: { a: '{{b}}', b: '{{a}}' } });
    const err = await rejection(fx.send(get('{{business_domain}}/api/v1/users?x={{a}}'), fx.env));
    expect(err.status).toBe(400);
    expect(err.code).toBe('variable_loop');
    expect(err.message).toContain('{{a}} → {{b}} → {{a}}');
    expect(fx.kinde.requests).toHaveLength(0);
  });

  it('resolves environment and dynamic variables in URL, headers and body', async () => {
    fx = await relayFixture({ extraVars: { org_code: 'org_123' } });
    const result = await fx.send(
      {
        environmentId: 'env-1',
        request: {
          method: 'POST',
          url: '{{business_domain}}/api/v1/user',
          headers: [{ key: 'x-org', value: '{{org_code}}' }],
          body: { mode: 'json', json: '{"org_code":"{{org_code}}","id":"{{$guid}}"}' },
        },
      },
      fx.env,
    );
    expect(result.status).toBe(200);
    const [api] = fx.apiRequests();
    expect(api!.headers['x-org']).toBe('org_123');
    expect(api!.headers['content-type']).toBe('application/json');
    const body = JSON.parse(api!.body) as { org_code: string; id: string };
    expect(body.org_code).toBe('org_123');
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('asks for business_domain, client_id and client_secret by name', async () => {
    fx = await relayFixture();
    const noDomain = { ...fx.env, businessDomain: null, variables: { client_id: 'a', client_secret: 'b' } };
    const err1 = await rejection(fx.send(get('/api/v1/users'), noDomain));
    expect(err1.code).toBe('missing_business_domain');
    expect(err1.message).toMatch(/business_domain/);

    const noSecret = { ...fx.env, variables: { business_domain: fx.kinde.url, client_id: 'a' } };
    const err2 = await rejection(fx.send(get('{{business_domain}}/api/v1/users'), noSecret));
    expect(err2.code).toBe('missing_credentials');
    expect(err2.message).toContain('client_secret');
    expect(fx.kinde.requests).toHaveLength(0);
  });

  it('surfaces Kinde token errors and sends nothing to the API', async () => {
    fx = await relayFixture();
    const wrong = { ...fx.env, variables: { ...fx.env.variables, client_secret: 'wrong-secret' }, secretValues: ['wrong-secret'] };
    const err = await rejection(fx.send(get('{{business_domain}}/api/v1/users'), wrong));
    expect(err.code).toBe('token_exchange_failed');
    expect(err.message).toContain('invalid_client');
    expect(fx.apiRequests()).toHaveLength(0);
  });

  it('sends no token and no exchange with auth none, keeping the user\'s Authorization', async () => {
    fx = await relayFixture();
    await fx.send(get('{{business_domain}}/api/v1/users', { auth: 'none', headers: [{ key: 'Authorization', value: 'Bearer mine' }] }), fx.env);
    expect(fx.tokenRequests()).toHaveLength(0);
    expect(fx.apiRequests()[0]!.headers.authorization).toBe('Bearer mine');
  });

  it('strips hop-by-hop headers and replaces user credentials with the M2M token', async () => {
    fx = await relayFixture();
    await fx.send(
      get('{{business_domain}}/api/v1/users', {
        headers: [
          { key: 'Connection', value: 'x-hop' },
          { key: 'x-hop', value: '1' },
          { key: 'Keep-Alive', value: 'timeout=5' },
          { key: 'Proxy-Authorization', value: 'Basic abc' },
          { key: 'TE', value: 'trailers' },
          { key: 'Upgrade', value: 'websocket' },
          { key: 'Transfer-Encoding', value: 'chunked' },
          { key: 'Host', value: 'evil.test' },
          { key: 'Authorization', value: 'Bearer user-typed' },
          { key: 'Cookie', value: 'session=1' },
          { key: 'x-keep', value: 'yes' },
          { key: 'x-disabled', value: 'no', enabled: false },
        ],
      }),
      fx.env,
    );
    const { headers } = fx.apiRequests()[0]!;
    expect(headers['x-keep']).toBe('yes');
    for (const name of ['x-hop', 'keep-alive', 'proxy-authorization', 'te', 'upgrade', 'cookie', 'x-disabled']) expect(headers[name]).toBeUndefined();
    expect(headers.host).toBe(new URL(fx.kinde.url).host);
    expect(headers.authorization).toMatch(/^Bearer ey/);
  });

  it('sends form and multipart bodies', async () => {
    fx = await relayFixture();
    await fx.send(
      { environmentId: 'env-1', request: { method: 'POST', url: '/x', body: { mode: 'urlencoded', urlencoded: [{ key: 'a', value: '1 2' }, { key: 'b', value: 'off', enabled: false }] } } },
      fx.env,
    );
    await fx.send(
      { environmentId: 'env-1', request: { method: 'PUT', url: '/y', body: { mode: 'multipart', multipart: [{ key: 'f', value: 'hello', fileName: 'h.txt', contentType: 'text/plain' }] } } },
      fx.env,
    );
    const [form, multi] = fx.apiRequests();
    expect(form!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(form!.body).toBe('a=1+2');
    expect(multi!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(multi!.body).toContain('filename="h.txt"');
    expect(multi!.body).toContain('hello');
  });

  it('returns binary bodies as base64', async () => {
    fx = await relayFixture();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0x00, 0xfe]);
    fx.setApi((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(png);
    });
    const result = await fx.send(get('/logo.png'), fx.env);
    expect(result.bodyEncoding).toBe('base64');
    expect(Buffer.from(result.body, 'base64')).toEqual(png);
    expect(result.size).toBe(png.length);
  });

  it('keeps each Set-Cookie header separate', async () => {
    fx = await relayFixture();
    fx.setApi((_req, res) => {
      res.setHeader('set-cookie', ['a=1; Path=/', 'b=2; Path=/']);
      json(res, 200, {});
    });
    const result = await fx.send(get('/x'), fx.env);
    expect(result.headers.filter((h) => h.key === 'set-cookie').map((h) => h.value)).toEqual(['a=1; Path=/', 'b=2; Path=/']);
  });

  it("fills a run's own variables into the request, never in place of a secret", async () => {
    fx = await relayFixture();
    await fx.send({ ...get('{{business_domain}}/api/v1/user?id={{user_id}}&s={{client_secret}}'), variables: { user_id: 'kp_7', client_secret: 'replaced' } });
    const [api] = fx.apiRequests();
    expect(api!.path).toBe(`/api/v1/user?id=kp_7&s=${fx.env.variables.client_secret}`);
  });

  it('records each send for history after answering, without secrets', async () => {
    fx = await relayFixture();
    await fx.send(get(`{{business_domain}}/api/v1/users?literal=${fx.env.variables.client_secret}`), fx.env);
    await new Promise((r) => setImmediate(r));
    expect(fx.records).toHaveLength(1);
    const text = JSON.stringify(fx.records[0]);
    expect(text).not.toContain(fx.env.variables.client_secret);
    expect(fx.records[0]!.request.url).toContain('{{business_domain}}');
    expect(fx.records[0]!.response?.status).toBe(200);
  });
});
