import { Hono } from 'hono';
import { requireScope } from '../auth/scope.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { paginate } from '../store/paginate.ts';
import { uuidFrom } from '../store/seed.ts';
import type { Store } from '../store/store.ts';
import type { PermissionRecord } from '../store/types.ts';
import { OK, listBody, optionalString, readJsonObject, requiredString, sortBy } from './helpers.ts';
import { findPermission } from './lookups.ts';

function assertKeyFree(store: Store, key: string, except?: PermissionRecord) {
  if (store.data.permissions.some((p) => p.key === key && p !== except)) {
    throw new ApiError(400, 'PERMISSION_KEY_ALREADY_EXISTS', `A permission with key "${key}" already exists.`);
  }
}

/** Permissions: list, create, update, delete (deleting also detaches it from roles). */
export function permissionRoutes(store: Store) {
  return new Hono<AppEnv>()
    .get('/api/v1/permissions', requireScope('read:permissions'), (c) => {
      const sorted = sortBy(store.data.permissions, c.req.query('sort'), { name: (p) => p.name, id: (p) => p.id });
      return c.json(listBody('permissions', paginate(sorted.map(({ id, key, name }) => ({ id, key, name })), c.req.query())));
    })
    .post('/api/v1/permissions', requireScope('create:permissions'), async (c) => {
      const body = await readJsonObject(c);
      const key = requiredString(body, 'key');
      assertKeyFree(store, key);
      store.data.permissions.push({
        id: uuidFrom(store.rng),
        key,
        name: requiredString(body, 'name'),
        description: optionalString(body, 'description') ?? '',
      });
      return c.json(OK, 201);
    })
    .patch('/api/v1/permissions/:permission_id', requireScope('update:permissions'), async (c) => {
      const permission = findPermission(store, c.req.param('permission_id'));
      const body = await readJsonObject(c);
      const key = optionalString(body, 'key');
      if (key !== undefined) {
        assertKeyFree(store, key, permission);
        permission.key = key;
      }
      permission.name = optionalString(body, 'name') ?? permission.name;
      permission.description = optionalString(body, 'description') ?? permission.description;
      return c.json(OK);
    })
    .delete('/api/v1/permissions/:permission_id', requireScope('delete:permissions'), (c) => {
      const permission = findPermission(store, c.req.param('permission_id'));
      store.data.permissions = store.data.permissions.filter((p) => p !== permission);
      for (const role of store.data.roles) role.permission_ids = role.permission_ids.filter((id) => id !== permission.id);
      return c.json(OK);
    });
}
