import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';

const NOT_BUILT_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Kinde API Explorer</title><link rel="icon" href="data:,"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto">
<h1>The web app is not built yet</h1>
<p>Run <code>pnpm build</code> (or <code>pnpm start</code>, which builds it) at the repository root, then reload.</p>
<p>The API is up: <a href="/api/health">/api/health</a>, <a href="/api/openapi.json">/api/openapi.json</a>.</p>
</body></html>`;

/** Whether the built SPA is present (`index.html` in the dist folder). */
export function isWebBuilt(webDist: string): boolean {
  return existsSync(join(webDist, 'index.html'));
}

/**
 * Serves the built SPA: hashed `/assets/*` with a year-long immutable cache, other files as they
 * are, and `index.html` (never cached) for any other non-API GET so client-side routes work.
 */
export function mountSpa(app: Hono, webDist: string): void {
  const isApi = (path: string) => path === '/api' || path.startsWith('/api/');
  if (!isWebBuilt(webDist)) {
    // Same methods as the built case, so the served routes (and the access policy) don't depend on a build.
    app.on(['GET', 'HEAD'], '*', async (c, next) => (isApi(c.req.path) ? next() : c.html(NOT_BUILT_PAGE, 503)));
    return;
  }
  app.use('/assets/*', async (c, next) => {
    await next();
    // Vite puts a content hash in every asset name, so a cached copy can never be stale.
    if (c.res.status === 200) c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
  });
  const files = serveStatic({ root: webDist });
  app.on(['GET', 'HEAD'], '*', async (c, next) => (isApi(c.req.path) || c.req.path.endsWith('/') ? next() : files(c, next)));
  app.on(['GET', 'HEAD'], '*', async (c, next) => {
    if (isApi(c.req.path) || c.req.path.startsWith('/assets/')) return next();
    // Read per request: a rebuild while the server runs is picked up without a restart.
    const html = readFileSync(join(webDist, 'index.html'), 'utf8');
    c.header('Cache-Control', 'no-cache');
    return c.html(html);
  });
}
