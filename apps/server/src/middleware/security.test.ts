import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/create-test-app.ts';

let t: TestApp;
afterEach(() => t.close());

const newEnv = { name: 'Prod', variables: [] };

describe('security middleware', () => {
  it('refuses a Host header that is not this server (DNS rebinding) with 421 in the error shape', async () => {
    t = await createTestApp();
    const res = await t.request('/api/environments', { headers: { host: 'evil.example:8787' } });
    expect(res.status).toBe(421);
    expect(await res.json()).toEqual({ error: { code: 'forbidden', message: expect.stringContaining('evil.example') } });
    for (const host of ['localhost:8787', '127.0.0.1:8787', '[::1]:8787', 'localhost:9000']) {
      expect((await t.request('/api/health', { headers: { host } })).status).toBe(200);
    }
  });

  it('accepts hosts named in EXPLORER_ALLOWED_HOSTS', async () => {
    t = await createTestApp({ env: { EXPLORER_ALLOWED_HOSTS: 'explorer.lan:8787' } });
    expect((await t.request('/api/health', { headers: { host: 'explorer.lan:8787' } })).status).toBe(200);
    expect((await t.request('/api/health', { headers: { host: 'explorer.lan:9999' } })).status).toBe(421);
  });

  it('refuses a cross-origin POST and a cross-site fetch, and creates nothing', async () => {
    t = await createTestApp();
    const cross = await t.request('/api/environments', { method: 'POST', json: newEnv, headers: { origin: 'https://evil.example' } });
    expect(cross.status).toBe(403);
    expect(((await cross.json()) as any).error.code).toBe('forbidden');
    const site = await t.request('/api/environments', { method: 'POST', json: newEnv, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(site.status).toBe(403);
    const nullOrigin = await t.request('/api/environments', { method: 'DELETE', headers: { origin: 'null' } });
    expect(nullOrigin.status).toBe(403);
    const otherPort = await t.request('/api/environments', { method: 'POST', json: newEnv, headers: { origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-site' } });
    expect(otherPort.status).toBe(403);
    expect(await t.deps.environments.list()).toEqual([]);
  });

  it('lets same-origin browser requests and clients without Origin (curl) through', async () => {
    t = await createTestApp();
    const browser = await t.request('/api/environments', {
      method: 'POST',
      json: newEnv,
      headers: { origin: 'http://127.0.0.1:8787', host: '127.0.0.1:8787', 'sec-fetch-site': 'same-origin' },
    });
    expect(browser.status).toBe(201);
    expect((await t.request('/api/environments', { method: 'POST', json: newEnv })).status).toBe(201);
  });

  it('sends no CORS headers, even to a preflight', async () => {
    t = await createTestApp();
    const res = await t.request('/api/environments', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('puts a strict CSP and nosniff on API answers too', async () => {
    t = await createTestApp();
    const res = await t.request('/api/health');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('requires a sign-in when an access password is configured; HTTP Basic no longer works', async () => {
    t = await createTestApp({ env: { EXPLORER_ACCESS_PASSWORD: 'correct horse battery' }, auth: { scryptCost: { N: 1024, r: 8, p: 1 } } });
    const anon = await t.request('/api/environments');
    expect(anon.status).toBe(401);
    expect(((await anon.json()) as any).error.code).toBe('unauthorized');
    const basic = await t.request('/api/environments', { headers: { authorization: `Basic ${btoa('anyone:correct horse battery')}` } });
    expect(basic.status).toBe(401);
    const signIn = await t.request('/api/auth/sign-in', { method: 'POST', json: { password: 'correct horse battery' } });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    expect((await t.request('/api/environments', { headers: { cookie } })).status).toBe(200);
  });

  it('refuses oversized bodies with 413 before parsing them', async () => {
    t = await createTestApp();
    const res = await t.request('/api/environments', {
      method: 'POST',
      body: `{"name":"${'x'.repeat(26 * 1024 * 1024)}"}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).error.code).toBe('payload_too_large');
  });
});
