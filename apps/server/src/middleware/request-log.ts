import type { MiddlewareHandler } from 'hono';
import { accessLogger, type Logger } from '../logger.ts';

// A share id is the capability to read the share: whoever can read the log must not get it.
const SHARE_ID = /^(\/(?:api\/shares|share)\/)[^/]+/;

/** The path as logged: share ids replaced by `:id`. */
export function loggedPath(path: string): string {
  return path.replace(SHARE_ID, '$1:id');
}

/** One line per request: method, path, status, duration. Never bodies, headers, query strings or share ids. */
export function requestLog(logger: Logger): MiddlewareHandler {
  const log = accessLogger(logger);
  return async (c, next) => {
    const start = performance.now();
    await next();
    const ms = Math.round((performance.now() - start) * 10) / 10;
    log.info({ method: c.req.method, path: loggedPath(c.req.path), status: c.res.status, ms }, 'request');
  };
}
