import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
import { apiError } from '../errors.ts';
import { audit } from '../middleware/audit-context.ts';
import { inviteCreateSchema, roleChangeSchema } from '../services/accounts/index.ts';
import { validate } from '../validate.ts';

const idParam = z.object({ id: z.string().min(1).max(100) });

/** The signed-in owner's account id (named accounts only; the route policy lets only owners here). */
function ownerId(c: Context): string {
  const id = c.get('session')?.account?.id;
  if (!id) throw apiError(409, 'conflict', 'Members are managed with named accounts: set them up first (EXPLORER_SIGN_IN=accounts).');
  return id;
}

/**
 * `/api/members` (owners only): who is a member, the invites sent, inviting by a one-time link,
 * withdrawing an invite, changing a role and removing a member (their sessions end at once).
 */
export function memberRoutes(deps: Pick<AppDeps, 'auth' | 'audit'>) {
  const { accounts, invites } = deps.auth;
  return new Hono()
    .get('/', async (c) => c.json({ members: await accounts.list(), invites: await invites.list() }))
    .post('/invites', validate('json', inviteCreateSchema), async (c) => {
      const { invite, token } = await invites.create(c.req.valid('json'), ownerId(c));
      audit(c, deps.audit, { action: 'member.invited', target: invite.email, detail: { role: invite.role, expiresAt: invite.expiresAt } });
      // The token is shown this once; the web app puts it after `#` so it never reaches a log.
      return c.json({ invite, token }, 201);
    })
    .delete('/invites/:id', validate('param', idParam), async (c) => {
      const invite = await invites.revoke(c.req.valid('param').id);
      audit(c, deps.audit, { action: 'invite.revoked', target: invite.email, detail: { role: invite.role } });
      return c.json(invite);
    })
    .patch('/:id', validate('param', idParam), validate('json', roleChangeSchema), async (c) => {
      const { before, after } = await accounts.changeRole(c.req.valid('param').id, c.req.valid('json').role, ownerId(c));
      audit(c, deps.audit, { action: 'member.role_changed', target: after.email, detail: { from: before.role, to: after.role } });
      return c.json(after);
    })
    .delete('/:id', validate('param', idParam), async (c) => {
      const removed = await accounts.remove(c.req.valid('param').id, ownerId(c));
      audit(c, deps.audit, { action: 'member.removed', target: removed.email, detail: { role: removed.role } });
      return c.body(null, 204);
    });
}
