import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context.ts';
import { errorBody } from '../errors.ts';

/** 403 naming the missing scope, or null when the token carries it. */
export function checkScope(c: Context<AppEnv>, scope: string | null): Response | null {
  if (!scope) return null;
  const granted = c.get('scopes');
  if (granted?.has(scope)) return null;
  return c.json(errorBody('FORBIDDEN', `Missing scope ${scope}`), 403);
}

/** Route middleware: the token must carry `scope` (the operation's `x-scope`). */
export function requireScope(scope: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => checkScope(c, scope) ?? next();
}
