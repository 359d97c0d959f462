import { Hono } from 'hono';
import type { AppEnv, SandboxContext } from '../context.ts';
import { apiRoutes } from './apis.ts';
import { applicationRoutes } from './applications.ts';
import { featureFlagRoutes } from './feature-flags.ts';
import { organizationRoutes } from './organizations.ts';
import { permissionRoutes } from './permissions.ts';
import { roleRoutes } from './roles.ts';
import { userRoutes } from './users.ts';

/** The stateful resources; anything they do not answer falls through to the spec routes. */
export function coreRoutes(ctx: SandboxContext) {
  return new Hono<AppEnv>()
    .route('/', userRoutes(ctx.store))
    .route('/', organizationRoutes(ctx.store))
    .route('/', roleRoutes(ctx.store))
    .route('/', permissionRoutes(ctx.store))
    .route('/', featureFlagRoutes(ctx.store))
    .route('/', apiRoutes(ctx))
    .route('/', applicationRoutes(ctx.store));
}
