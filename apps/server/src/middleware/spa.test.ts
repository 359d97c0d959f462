import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/create-test-app.ts';

let dist: string;
let t: TestApp;
beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'explorer-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/app-1a2b.js"></script>');
  writeFileSync(join(dist, 'assets', 'app-1a2b.js'), 'console.log("app")');
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  t = await createTestApp({ env: { WEB_DIST: dist } });
});
afterAll(() => {
  t.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('SPA serving', () => {
  it('serves index.html with the strict CSP and no caching', async () => {
    const res = await t.request('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https?:/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers client-side routes with index.html', async () => {
    const res = await t.request('/environments/abc/requests');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
  });

  it('serves hashed assets with a long immutable cache', async () => {
    const res = await t.request('/assets/app-1a2b.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect((await t.request('/assets/missing.js')).status).toBe(404);
    expect((await t.request('/favicon.svg')).headers.get('content-type')).toMatch(/svg/);
  });

  it('keeps unknown API paths as JSON 404s', async () => {
    const res = await t.request('/api/nope');
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).error.code).toBe('not_found');
  });

  it('explains how to build the web app when it is missing', async () => {
    const bare = await createTestApp({ env: { WEB_DIST: join(dist, 'absent') } });
    const res = await bare.request('/');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('pnpm build');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    bare.close();
  });
});
