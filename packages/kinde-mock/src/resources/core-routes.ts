import { Hono } from 'hono';
import type { AppEnv, SandboxContext } from '../context.ts';
import { userRoutes } from './users.ts';

/** The stateful resources; anything they do not answer falls through to the spec routes. */
export function coreRoutes(ctx: SandboxContext) {
  return new Hono<AppEnv>().route('/', userRoutes(ctx.store));
}
