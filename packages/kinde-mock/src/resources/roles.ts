import { Hono } from 'hono';
import { requireScope } from '../auth/scope.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { paginate } from '../store/paginate.ts';
import { uuidFrom } from '../store/seed.ts';
import type { Store } from '../store/store.ts';
import type { RoleRecord } from '../store/types.ts';
import { OK, listBody, optionalBoolean, optionalString, readJsonObject, requiredString, sortBy } from './helpers.ts';
import { findPermission, findRole } from './lookups.ts';

const view = (r: RoleRecord) => ({ id: r.id, key: r.key, name: r.name, is_default_role: r.is_default_role });

function assertKeyFree(store: Store, key: string, except?: RoleRecord) {
  if (store.data.roles.some((r) => r.key === key && r !== except)) {
    throw new ApiError(400, 'ROLE_KEY_ALREADY_EXISTS', `A role with key "${key}" already exists.`);
  }
}

/** Roles and the permissions attached to them. */
export function roleRoutes(store: Store) {
  return new Hono<AppEnv>()
    .get('/api/v1/roles', requireScope('read:roles'), (c) => {
      const sorted = sortBy(store.data.roles, c.req.query('sort'), { name: (r) => r.name, id: (r) => r.id });
      return c.json(listBody('roles', paginate(sorted.map(view), c.req.query())));
    })
    .post('/api/v1/roles', requireScope('create:roles'), async (c) => {
      const body = await readJsonObject(c);
      const key = requiredString(body, 'key');
      assertKeyFree(store, key);
      const role: RoleRecord = {
        id: uuidFrom(store.rng),
        key,
        name: requiredString(body, 'name'),
        description: optionalString(body, 'description') ?? '',
        is_default_role: optionalBoolean(body, 'is_default_role') ?? false,
        permission_ids: [],
      };
      store.data.roles.push(role);
      return c.json({ ...OK, role: { id: role.id } }, 201);
    })
    .get('/api/v1/roles/:role_id', requireScope('read:roles'), (c) => {
      return c.json({ ...OK, role: view(findRole(store, c.req.param('role_id'))) });
    })
    .patch('/api/v1/roles/:role_id', requireScope('update:roles'), async (c) => {
      const role = findRole(store, c.req.param('role_id'));
      const body = await readJsonObject(c);
      const key = requiredString(body, 'key');
      assertKeyFree(store, key, role);
      role.key = key;
      role.name = requiredString(body, 'name');
      role.description = optionalString(body, 'description') ?? role.description;
      role.is_default_role = optionalBoolean(body, 'is_default_role') ?? role.is_default_role;
      return c.json(OK, 201);
    })
    .delete('/api/v1/roles/:role_id', requireScope('delete:roles'), (c) => {
      const role = findRole(store, c.req.param('role_id'));
      store.data.roles = store.data.roles.filter((r) => r !== role);
      for (const m of store.data.memberships) m.roles = m.roles.filter((k) => k !== role.key);
      return c.json(OK);
    })
    .get('/api/v1/roles/:role_id/permissions', requireScope('read:role_permissions'), (c) => {
      const role = findRole(store, c.req.param('role_id'));
      const perms = store.data.permissions.filter((p) => role.permission_ids.includes(p.id));
      const sorted = sortBy(perms, c.req.query('sort'), { name: (p) => p.name, id: (p) => p.id });
      return c.json(listBody('permissions', paginate(sorted.map(({ id, key, name }) => ({ id, key, name })), c.req.query())));
    })
    .patch('/api/v1/roles/:role_id/permissions', requireScope('update:role_permissions'), async (c) => {
      const role = findRole(store, c.req.param('role_id'));
      const body = await readJsonObject(c);
      const items = Array.isArray(body.permissions) ? (body.permissions as { id?: unknown; operation?: unknown }[]) : [];
      const added: string[] = [];
      const removed: string[] = [];
      for (const item of items) {
        const id = findPermission(store, String(item?.id ?? '')).id;
        if (item.operation === 'delete') {
          role.permission_ids = role.permission_ids.filter((p) => p !== id);
          removed.push(id);
        } else if (!role.permission_ids.includes(id)) {
          role.permission_ids.push(id);
          added.push(id);
        }
      }
      return c.json({ ...OK, permissions_added: added, permissions_removed: removed });
    })
    .delete('/api/v1/roles/:role_id/permissions/:permission_id', requireScope('delete:role_permissions'), (c) => {
      const role = findRole(store, c.req.param('role_id'));
      const id = findPermission(store, c.req.param('permission_id')).id;
      role.permission_ids = role.permission_ids.filter((p) => p !== id);
      return c.json(OK);
    });
}
