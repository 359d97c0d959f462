import { Hono } from 'hono';
import { requireScope } from '../auth/scope.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { paginate } from '../store/paginate.ts';
import type { Store } from '../store/store.ts';
import type { MembershipRecord } from '../store/types.ts';
import { OK, listBody, listQuery, readJsonObject, sortBy } from './helpers.ts';
import { findOrganization } from './lookups.ts';

function permissionKeysOf(store: Store, roleKeys: string[]): Set<string> {
  const ids = store.data.roles.filter((r) => roleKeys.includes(r.key)).flatMap((r) => r.permission_ids);
  return new Set(store.data.permissions.filter((p) => ids.includes(p.id)).map((p) => p.key));
}

/** Members of one organization: list (filter by roles / permissions), add, remove. */
export function organizationUserRoutes(store: Store) {
  return new Hono<AppEnv>()
    .get('/api/v1/organizations/:org_code/users', requireScope('read:organization_users'), (c) => {
      const org = findOrganization(store, c.req.param('org_code'));
      const roles = listQuery(c, 'roles');
      const permissions = listQuery(c, 'permissions');
      const users = new Map(store.data.users.map((u) => [u.id, u]));
      const rows = store.data.memberships
        .filter((m) => m.org_code === org.code && users.has(m.user_id))
        .filter((m) => !roles.length || m.roles.some((r) => roles.includes(r)))
        .filter((m) => {
          if (!permissions.length) return true;
          const granted = permissionKeysOf(store, m.roles);
          return permissions.some((p) => granted.has(p));
        })
        .map((m) => {
          const u = users.get(m.user_id)!;
          return {
            id: u.id,
            email: u.email,
            full_name: `${u.first_name} ${u.last_name}`.trim(),
            last_name: u.last_name,
            first_name: u.first_name,
            picture: u.picture,
            joined_on: m.joined_on,
            last_accessed_on: m.last_accessed_on,
            is_suspended: u.is_suspended,
            roles: m.roles,
          };
        });
      const sorted = sortBy(rows, c.req.query('sort'), { name: (r) => r.full_name, email: (r) => r.email, id: (r) => r.id });
      return c.json(listBody('organization_users', paginate(sorted, c.req.query())));
    })
    .post('/api/v1/organizations/:org_code/users', requireScope('create:organization_users'), async (c) => {
      const org = findOrganization(store, c.req.param('org_code'));
      const body = await readJsonObject(c);
      const entries = Array.isArray(body.users) ? (body.users as { id?: unknown; roles?: unknown }[]) : [];
      const added: string[] = [];
      for (const entry of entries) {
        const id = String(entry?.id ?? '');
        if (!store.data.users.some((u) => u.id === id)) throw new ApiError(400, 'USER_INVALID', `No user with id "${id}".`);
        if (store.data.memberships.some((m) => m.org_code === org.code && m.user_id === id)) continue;
        const roles = Array.isArray(entry.roles) ? entry.roles.map(String) : [];
        const membership: MembershipRecord = { org_code: org.code, user_id: id, joined_on: store.now(), last_accessed_on: null, roles };
        store.data.memberships.push(membership);
        added.push(id);
      }
      return c.json({ ...OK, users_added: added });
    })
    .delete('/api/v1/organizations/:org_code/users/:user_id', requireScope('delete:organization_users'), (c) => {
      const org = findOrganization(store, c.req.param('org_code'));
      const userId = c.req.param('user_id');
      const before = store.data.memberships.length;
      store.data.memberships = store.data.memberships.filter((m) => !(m.org_code === org.code && m.user_id === userId));
      if (store.data.memberships.length === before) {
        throw new ApiError(400, 'USER_INVALID', `User "${userId}" is not a member of ${org.code}.`);
      }
      return c.json(OK);
    });
}
