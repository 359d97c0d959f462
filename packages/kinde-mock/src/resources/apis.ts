import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { requireScope } from '../auth/scope.ts';
import type { AppEnv, SandboxContext } from '../context.ts';
import { originOf } from '../context.ts';
import { ApiError } from '../errors.ts';
import type { ApiRecord, ApplicationRecord } from '../store/types.ts';
import { OK, readJsonObject, requiredString } from './helpers.ts';

const TYPE_LABELS: Record<ApplicationRecord['type'], string> = {
  m2m: 'Machine to machine (M2M)',
  reg: 'Back-end web',
  spa: 'Front-end and mobile',
  device: 'Device and IoT',
};

/** The management API's scopes are the ones the sandbox grants; ids derive from the key. */
function scopesOf(ctx: SandboxContext, api: ApiRecord) {
  if (!api.is_management_api) return api.scopes;
  return ctx.grantedScopes.map((key) => ({ id: `api_scope_${createHash('sha256').update(key).digest('hex').slice(0, 32)}`, key }));
}

function view(ctx: SandboxContext, api: ApiRecord, origin: string, withScopes: boolean) {
  return {
    id: api.id,
    name: api.name,
    audience: api.audience ?? `${origin}/api`,
    is_management_api: api.is_management_api,
    ...(withScopes ? { scopes: scopesOf(ctx, api) } : {}),
  };
}

function findApi(ctx: SandboxContext, id: string): ApiRecord {
  const api = ctx.store.data.apis.find((a) => a.id === id);
  if (!api) throw new ApiError(400, 'API_INVALID', `No API with id "${id}".`);
  return api;
}

/** APIs registered in the environment; the management API's audience is `{origin}/api`. */
export function apiRoutes(ctx: SandboxContext) {
  const store = ctx.store;
  return new Hono<AppEnv>()
    .get('/api/v1/apis', requireScope('read:apis'), (c) => {
      const withScopes = (c.req.query('expand') ?? '').split(',').includes('scopes');
      const origin = originOf(c.req.url);
      return c.json({ ...OK, apis: store.data.apis.map((a) => view(ctx, a, origin, withScopes)) });
    })
    .post('/api/v1/apis', requireScope('create:apis'), async (c) => {
      const body = await readJsonObject(c);
      const name = requiredString(body, 'name');
      const audience = requiredString(body, 'audience');
      const origin = originOf(c.req.url);
      if (store.data.apis.some((a) => (a.audience ?? `${origin}/api`) === audience)) {
        throw new ApiError(400, 'AUDIENCE_ALREADY_EXISTS', `An API with audience "${audience}" already exists.`);
      }
      const api: ApiRecord = { id: store.rng.hex(32), name, audience, is_management_api: false, scopes: [] };
      store.data.apis.push(api);
      return c.json({ ...OK, api: { id: api.id } });
    })
    .get('/api/v1/apis/:api_id', requireScope('read:apis'), (c) => {
      const api = findApi(ctx, c.req.param('api_id'));
      // Only the sandbox's own M2M app is authorized for the management API.
      const apps = api.is_management_api ? store.data.applications.filter((a) => a.id === ctx.clientId) : [];
      return c.json({
        ...OK,
        api: {
          ...view(ctx, api, originOf(c.req.url), true),
          applications: apps.map((a) => ({ id: a.id, name: a.name, type: TYPE_LABELS[a.type], is_active: true })),
        },
      });
    })
    .delete('/api/v1/apis/:api_id', requireScope('delete:apis'), (c) => {
      const api = findApi(ctx, c.req.param('api_id'));
      if (api.is_management_api) throw new ApiError(400, 'CANNOT_DELETE_MANAGEMENT_API', 'The Kinde Management API cannot be deleted.');
      store.data.apis = store.data.apis.filter((a) => a !== api);
      return c.json(OK);
    });
}
