import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';
import { errorBody } from '../errors.ts';

export interface RateLimitConfig {
  requests: number;
  windowMs: number;
}

/** Fixed-window limit over all API calls (Kinde limits per business, not per caller). */
export function createRateLimiter(getConfig: () => RateLimitConfig | null) {
  let windowStart = 0;
  let count = 0;
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    const config = getConfig();
    if (!config) return next();
    const now = Date.now();
    if (now - windowStart >= config.windowMs) {
      windowStart = now;
      count = 0;
    }
    count++;
    if (count > config.requests) {
      const retryAfter = Math.max(1, Math.ceil((windowStart + config.windowMs - now) / 1000));
      c.header('Retry-After', String(retryAfter));
      return c.json(errorBody('TOO_MANY_REQUESTS', `Rate limit exceeded. Retry after ${retryAfter} seconds.`), 429);
    }
    return next();
  };
  return {
    middleware,
    reset() {
      windowStart = 0;
      count = 0;
    },
  };
}
