import type { MiddlewareHandler } from 'hono';
import { apiError } from '../errors.ts';
import { requestHeader } from '../http/node-request.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for state-changing requests: a browser always sends `Origin` (and
 * `Sec-Fetch-Site`) on them, so a page elsewhere is refused. Clients such as curl send
 * neither and are let through.
 */
export function sameOrigin(): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const site = requestHeader(c, 'sec-fetch-site');
    if (site && site !== 'same-origin' && site !== 'none') {
      throw apiError(403, 'forbidden', `Cross-site ${c.req.method} refused (Sec-Fetch-Site: ${site}).`);
    }
    const origin = requestHeader(c, 'origin');
    if (origin !== undefined) {
      const host = requestHeader(c, 'host') ?? new URL(c.req.url).host;
      let originHost: string | null = null;
      try {
        const u = new URL(origin);
        if (u.protocol === 'http:' || u.protocol === 'https:') originHost = u.host;
      } catch {
        // "null" and garbage fall through to the refusal below
      }
      if (originHost === null || originHost.toLowerCase() !== host.toLowerCase()) {
        throw apiError(403, 'forbidden', `Cross-origin ${c.req.method} refused: Origin ${origin} is not this server.`);
      }
    }
    await next();
  };
}
