import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../services/storage/index.ts';
import { createTestApp, type TestApp } from '../testing/create-test-app.ts';
import { describeEachEngine } from '../testing/engines.ts';

const EDITOR = 'editor-password-1';
const VIEWER = 'viewer-password-1';
const scryptCost = { N: 1024, r: 8, p: 1 };

let t: TestApp;
afterEach(() => t.close());

const withAuth = (engine: Engine, env: Record<string, string> = {}) =>
  createTestApp({ engine, env: { EXPLORER_ACCESS_PASSWORD: EDITOR, EXPLORER_VIEWER_PASSWORD: VIEWER, ...env }, auth: { scryptCost } });

/** Signs in and returns the `cookie` header to send afterwards. */
async function signIn(password: string): Promise<string> {
  const res = await t.request('/api/auth/sign-in', { method: 'POST', json: { password } });
  expect(res.status).toBe(200);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

describeEachEngine('sign-in', (engine) => {
  it('without a password on loopback, everyone is an editor and nothing asks for sign-in', async () => {
    t = await createTestApp({ engine });
    expect(await (await t.request('/api/auth/me')).json()).toEqual({ role: 'editor', authRequired: false });
    expect((await t.request('/api/environments')).status).toBe(200);
  });

  it('asks for sign-in on the API (401 in the error shape) but keeps /api/health and the SPA open', async () => {
    t = await withAuth(engine);
    const anon = await t.request('/api/environments');
    expect(anon.status).toBe(401);
    expect(await anon.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    expect(anon.headers.get('www-authenticate')).toBeNull(); // no browser Basic-auth prompt any more
    expect((await t.request('/api/auth/me')).status).toBe(401);
    expect((await t.request('/api/health')).status).toBe(200);
    expect((await t.request('/')).status).not.toBe(401);
    expect((await t.request('/some/client/route')).status).not.toBe(401);
    // An unknown API path does not tell strangers it is unknown.
    expect((await t.request('/api/nope', { method: 'POST' })).status).toBe(401);
  });

  it('sets an HttpOnly, SameSite=Strict, Path=/ session cookie (Secure only over https) and signs out', async () => {
    t = await withAuth(engine);
    const res = await t.request('/api/auth/sign-in', { method: 'POST', json: { password: EDITOR } });
    expect(await res.json()).toMatchObject({ role: 'editor', authRequired: true, expiresAt: expect.any(String) });
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^explorer_session=[\w-]{43};/);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).toMatch(/; Max-Age=604800/);
    expect(setCookie).not.toMatch(/Secure/);
    expect(setCookie).not.toContain(EDITOR);
    const cookie = setCookie.split(';')[0]!;

    expect(await (await t.request('/api/auth/me', { headers: { cookie } })).json()).toMatchObject({ role: 'editor' });
    expect((await t.request('/api/environments', { headers: { cookie } })).status).toBe(200);

    const out = await t.request('/api/auth/sign-out', { method: 'POST', headers: { cookie } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/explorer_session=;.*Max-Age=0/);
    // The old cookie is dead on the server, not just forgotten by the browser.
    expect((await t.request('/api/environments', { headers: { cookie } })).status).toBe(401);

    const https = await t.app.request('https://localhost/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ password: EDITOR }),
    });
    expect(https.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('refuses a wrong password with 401 and never logs a password', async () => {
    t = await withAuth(engine);
    const res = await t.request('/api/auth/sign-in', { method: 'POST', json: { password: 'wrong-password-x' } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).error.code).toBe('unauthorized');
    expect(res.headers.get('set-cookie')).toBeNull();
    await signIn(EDITOR);
    const log = t.logLines.join('\n');
    expect(log).not.toContain(EDITOR);
    expect(log).not.toContain('wrong-password-x');
    expect(log).toContain('sign-in refused');
  });

  it('answers 429 with Retry-After after five attempts a minute from one client', async () => {
    t = await withAuth(engine);
    for (let i = 0; i < 5; i++) {
      expect((await t.request('/api/auth/sign-in', { method: 'POST', json: { password: `guess-${i}-xxxx` } })).status).toBe(401);
    }
    const limited = await t.request('/api/auth/sign-in', { method: 'POST', json: { password: EDITOR } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as any).error.code).toBe('rate_limited');
  });

  it('does not accept a forged or stale cookie', async () => {
    t = await withAuth(engine);
    for (const cookie of ['explorer_session=' + 'A'.repeat(43), 'explorer_session=editor', 'explorer_session=']) {
      expect((await t.request('/api/environments', { headers: { cookie } })).status).toBe(401);
    }
  });

  it('refuses a cross-site sign-in (login CSRF)', async () => {
    t = await withAuth(engine);
    const res = await t.request('/api/auth/sign-in', { method: 'POST', json: { password: EDITOR }, headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});

describeEachEngine('roles', (engine) => {
  const secretEnv = {
    name: 'Prod',
    variables: [
      { key: 'business_domain', value: 'https://prod.kinde.com' },
      { key: 'client_id', value: 'visible-client-id' },
      { key: 'client_secret', value: 'super-secret-value', secret: true },
    ],
  };

  it('lets a viewer pick environments without seeing their variables', async () => {
    t = await withAuth(engine);
    const editor = await signIn(EDITOR);
    const env = (await (await t.request('/api/environments', { method: 'POST', json: secretEnv, headers: { cookie: editor } })).json()) as any;
    const viewer = await signIn(VIEWER);
    const list = await t.request('/api/environments', { headers: { cookie: viewer } });
    expect(list.status).toBe(200);
    const listBody = await list.text();
    expect(JSON.parse(listBody).environments).toEqual([expect.objectContaining({ id: env.id, name: 'Prod', variables: [], variablesHidden: true })]);
    expect(listBody).not.toContain('visible-client-id');
    expect(listBody).not.toContain('prod.kinde.com');
    const one = await t.request(`/api/environments/${env.id}`, { headers: { cookie: viewer } });
    expect(await one.json()).toMatchObject({ id: env.id, variables: [] });
    // The editor still sees them.
    const full = (await (await t.request(`/api/environments/${env.id}`, { headers: { cookie: editor } })).json()) as any;
    expect(full.variables).toHaveLength(3);
  });

  it('refuses a viewer everything that changes environments or collections, or exports an environment (403)', async () => {
    t = await withAuth(engine);
    const editor = await signIn(EDITOR);
    const env = (await (await t.request('/api/environments', { method: 'POST', json: secretEnv, headers: { cookie: editor } })).json()) as any;
    const col = (await (await t.request(`/api/environments/${env.id}/collections`, { method: 'POST', json: { name: 'C' }, headers: { cookie: editor } })).json()) as any;
    const viewer = await signIn(VIEWER);
    const refused: [string, string, unknown?][] = [
      ['POST', '/api/environments', secretEnv],
      ['PATCH', `/api/environments/${env.id}`, { name: 'x' }],
      ['DELETE', `/api/environments/${env.id}`],
      ['GET', `/api/environments/${env.id}/export`],
      ['POST', `/api/environments/${env.id}/import`, { content: '{}' }],
      ['POST', '/api/import', { content: '{}' }],
      ['POST', `/api/environments/${env.id}/collections`, { name: 'D' }],
      ['PATCH', `/api/collections/${col.id}`, { name: 'x' }],
      ['DELETE', `/api/collections/${col.id}`],
      ['POST', `/api/collections/${col.id}/requests`, { name: 'r', request: { method: 'GET', url: '/x' } }],
      ['DELETE', `/api/environments/${env.id}/history`],
      ['PUT', '/api/spec', { content: 'x' }],
      ['POST', '/api/snippets', {}],
    ];
    for (const [method, path, json] of refused) {
      const res = await t.request(path, { method, headers: { cookie: viewer }, ...(json ? { json } : {}) });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(((await res.json()) as any).error.message).toMatch(/viewer.*editor/);
    }
    expect((await t.deps.environments.get(env.id)).name).toBe('Prod');
    expect(await t.deps.collections.list(env.id)).toHaveLength(1);
  });

  it('lets a viewer read collections and history, and send', async () => {
    t = await withAuth(engine);
    const editor = await signIn(EDITOR);
    const env = (await (await t.request('/api/environments', { method: 'POST', json: secretEnv, headers: { cookie: editor } })).json()) as any;
    const col = (await (await t.request(`/api/environments/${env.id}/collections`, { method: 'POST', json: { name: 'C' }, headers: { cookie: editor } })).json()) as any;
    const viewer = await signIn(VIEWER);
    for (const path of [`/api/environments/${env.id}/collections`, `/api/collections/${col.id}`, `/api/environments/${env.id}/history`, `/api/collections/${col.id}/export`, '/api/spec/status']) {
      expect((await t.request(path, { headers: { cookie: viewer } })).status, path).toBe(200);
    }
    // Reaches the relay (which refuses the target), not the role check.
    const send = await t.request('/api/send', {
      method: 'POST',
      headers: { cookie: viewer },
      json: { environmentId: env.id, request: { method: 'GET', url: 'https://elsewhere.example/api/v1/users' } },
    });
    expect(((await send.json()) as any).error.code).toBe('target_not_allowed');
    expect(await (await t.request('/api/auth/me', { headers: { cookie: viewer } })).json()).toMatchObject({ role: 'viewer' });
  });
});

describe('configuration', () => {
  it('refuses a viewer password without an editor password, or equal to it', async () => {
    await expect(createTestApp({ env: { EXPLORER_VIEWER_PASSWORD: VIEWER } })).rejects.toThrow(/needs EXPLORER_ACCESS_PASSWORD/);
    await expect(createTestApp({ env: { EXPLORER_ACCESS_PASSWORD: EDITOR, EXPLORER_VIEWER_PASSWORD: EDITOR } })).rejects.toThrow(/must differ/);
    t = await createTestApp();
  });
});
