import type { MiddlewareHandler } from 'hono';

// Monaco needs blob: workers and inline styles; nothing is loaded from third parties.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const HEADERS: [string, string][] = [
  ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['X-Frame-Options', 'DENY'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
];

/**
 * Strict CSP and friends on every response, API and SPA alike. Set before the handler runs, so
 * Hono writes them into the response it builds: setting them afterwards makes Hono copy the
 * finished response, which turns @hono/node-server's direct string write into a web-stream pipe
 * (~0.3 ms per request). A handler that returns its own Response gets them afterwards.
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    for (const [name, value] of HEADERS) c.header(name, value);
    await next();
    if (c.res.headers.get('content-security-policy') === CONTENT_SECURITY_POLICY) return;
    for (const [name, value] of HEADERS) c.header(name, value);
  };
}
