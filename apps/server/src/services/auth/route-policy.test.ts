import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/create-test-app.ts';
import { ROUTE_POLICY } from './route-policy.ts';

let t: TestApp;
afterEach(() => t.close());

const registered = (app: TestApp['app']) => [...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))];

describe('ROUTE_POLICY', () => {
  it('has an access rule for every route the app serves (add new routes to services/auth/route-policy.ts)', async () => {
    t = await createTestApp();
    const missing = registered(t.app).filter((k) => !(k in ROUTE_POLICY));
    expect(missing).toEqual([]);
  });

  it('names no route that does not exist (a renamed route would silently lose its rule)', async () => {
    t = await createTestApp();
    const routes = new Set(registered(t.app));
    expect(Object.keys(ROUTE_POLICY).filter((k) => !routes.has(k))).toEqual([]);
  });

  it('keeps public only what must work before sign-in', async () => {
    const open = Object.entries(ROUTE_POLICY).filter(([, a]) => a === 'public').map(([k]) => k).sort();
    expect(open).toEqual([
      'GET /*',
      'GET /api/auth/me',
      'GET /api/auth/oidc/callback',
      'GET /api/auth/status',
      'GET /api/health',
      'HEAD /*',
      'POST /api/auth/invite/accept',
      'POST /api/auth/invite/inspect',
      'POST /api/auth/oidc/start',
      'POST /api/auth/setup',
      'POST /api/auth/sign-in',
      'POST /api/auth/sign-out',
    ]);
  });

  it('refuses a route without a rule to everyone, editors included (default deny)', async () => {
    t = await createTestApp({ env: { EXPLORER_ACCESS_PASSWORD: 'editor-password-1' }, auth: { scryptCost: { N: 1024, r: 8, p: 1 } } });
    t.app.get('/api/forgotten', (c) => c.json({ leaked: true }));
    expect((await t.request('/api/forgotten')).status).toBe(401);
    const signIn = await t.request('/api/auth/sign-in', { method: 'POST', json: { password: 'editor-password-1' } });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const res = await t.request('/api/forgotten', { headers: { cookie } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as any).error.message).toContain('GET /api/forgotten');
  });
});
