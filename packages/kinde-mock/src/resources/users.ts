import { Hono } from 'hono';
import { requireScope } from '../auth/scope.ts';
import type { AppEnv } from '../context.ts';
import { paginate } from '../store/paginate.ts';
import type { Store } from '../store/store.ts';
import { findUser } from './lookups.ts';
import { createUser } from './user-create.ts';
import { OK, listQuery, optionalBoolean, optionalString, readJsonObject, requiredQuery } from './helpers.ts';
import { parseExpand, userDetail, userListItem } from './user-view.ts';

/** Users: list with filters and pagination, and create / read / update / delete one user. */
export function userRoutes(store: Store) {
  return new Hono<AppEnv>()
    .get('/api/v1/users', requireScope('read:users'), (c) => {
      const data = store.data;
      const ids = listQuery(c, 'user_id');
      const emails = listQuery(c, 'email').map((e) => e.toLowerCase());
      const username = c.req.query('username');
      const phone = c.req.query('phone');
      const hasOrg = c.req.query('has_organization');
      const activeSince = c.req.query('active_since');
      const members = new Set(data.memberships.map((m) => m.user_id));
      const users = data.users.filter(
        (u) =>
          (!ids.length || ids.includes(u.id)) &&
          (!emails.length || (u.email !== null && emails.includes(u.email))) &&
          (!username || u.username === username) &&
          (!phone || u.phone === phone) &&
          (hasOrg === undefined || members.has(u.id) === (hasOrg === 'true')) &&
          (!activeSince || (u.last_signed_in !== null && u.last_signed_in >= activeSince)),
      );
      const { page, next_token } = paginate(users, c.req.query());
      const expand = parseExpand(c.req.query('expand'));
      return c.json({
        code: 'OK',
        message: 'Success',
        users: page.map((u) => userListItem(data, u, expand)),
        ...(next_token ? { next_token } : {}),
      });
    })
    .post('/api/v1/user', requireScope('create:users'), async (c) => {
      return c.json(createUser(store, await readJsonObject(c)), 200);
    })
    .get('/api/v1/user', requireScope('read:users'), (c) => {
      const user = findUser(store, requiredQuery(c, 'id'));
      return c.json(userDetail(store.data, user, parseExpand(c.req.query('expand'))));
    })
    .patch('/api/v1/user', requireScope('update:users'), async (c) => {
      const user = findUser(store, requiredQuery(c, 'id'));
      const body = await readJsonObject(c);
      const updates = {
        first_name: optionalString(body, 'given_name'),
        last_name: optionalString(body, 'family_name'),
        picture: optionalString(body, 'picture'),
        provided_id: optionalString(body, 'provided_id'),
        is_suspended: optionalBoolean(body, 'is_suspended'),
        is_password_reset_requested: optionalBoolean(body, 'is_password_reset_requested'),
      };
      for (const [key, value] of Object.entries(updates)) {
        if (value !== undefined) Object.assign(user, { [key]: value });
      }
      return c.json({
        id: user.id,
        given_name: user.first_name,
        family_name: user.last_name,
        email: user.email,
        is_suspended: user.is_suspended,
        is_password_reset_requested: user.is_password_reset_requested,
        picture: user.picture,
      });
    })
    .delete('/api/v1/user', requireScope('delete:users'), (c) => {
      const user = findUser(store, requiredQuery(c, 'id'));
      const data = store.data;
      data.users = data.users.filter((u) => u !== user);
      data.memberships = data.memberships.filter((m) => m.user_id !== user.id);
      return c.json(OK);
    });
}
