import type { MiddlewareHandler } from 'hono';
import { accessLogger, type Logger } from '../logger.ts';

/** One line per request: method, path, status, duration. Never bodies, headers or query strings. */
export function requestLog(logger: Logger): MiddlewareHandler {
  const log = accessLogger(logger);
  return async (c, next) => {
    const start = performance.now();
    await next();
    const ms = Math.round((performance.now() - start) * 10) / 10;
    log.info({ method: c.req.method, path: c.req.path, status: c.res.status, ms }, 'request');
  };
}
