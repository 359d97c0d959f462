import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { apiError } from '../../errors.ts';
import type { Role } from '../auth/roles.ts';
import type { DataLayer } from '../storage/index.ts';
import { NO_PASSWORD, type AccountsService } from './accounts-service.ts';
import type { InviteCreate, InviteView, MemberView } from './schemas.ts';

export interface InvitesDeps {
  data: DataLayer;
  accounts: AccountsService;
  now?: () => number;
}

// Only a hash of the token is stored: a copy of the database cannot be used to join.
export const hashInviteToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

type InviteRow = {
  id: string;
  email: string;
  role: Role;
  invited_by: string | null;
  created_at: string;
  expires_at: number;
  used_at: string | null;
  revoked_at: string | null;
};

export type InvitesService = ReturnType<typeof createInvitesService>;

/**
 * One-time invite links. The owner picks the email and the role; the link carries a random
 * 256-bit token (shown once) that works until it expires, is revoked, or is used — once.
 */
export function createInvitesService(deps: InvitesDeps) {
  const { data } = deps;
  const { db } = data;
  const now = deps.now ?? Date.now;

  const state = (r: InviteRow): InviteView['state'] =>
    r.revoked_at ? 'revoked' : r.used_at ? 'used' : r.expires_at <= now() ? 'expired' : 'pending';

  const toView = (r: InviteRow & { inviter_name?: string | null }): InviteView => ({
    id: r.id,
    email: r.email,
    role: r.role,
    invitedBy: r.inviter_name ?? null,
    createdAt: r.created_at,
    expiresAt: new Date(r.expires_at).toISOString(),
    state: state(r),
  });

  const COLUMNS = ['invites.id', 'invites.email', 'invites.role', 'invites.invited_by', 'invites.created_at', 'invites.expires_at', 'invites.used_at', 'invites.revoked_at'] as const;
  const withInviter = () => db.selectFrom('invites').leftJoin('accounts', 'accounts.id', 'invites.invited_by').select([...COLUMNS, 'accounts.name as inviter_name']);

  /** Why a link no longer works, in words that say what to do. */
  const refuse = (r: InviteRow) => {
    const s = state(r);
    if (s === 'pending') return null;
    const why = s === 'used' ? 'has been used already' : s === 'revoked' ? 'was withdrawn' : 'has expired';
    return apiError(410, 'gone', `This invite link ${why}. Ask the owner for a new one.`);
  };

  const service = {
    /** A new invite; `token` goes into the link and is never shown again. Older pending invites for the email are withdrawn. */
    async create(input: InviteCreate, by: string): Promise<{ invite: InviteView; token: string }> {
      const token = randomBytes(32).toString('base64url');
      const row: InviteRow = {
        id: randomUUID(),
        email: input.email,
        role: input.role,
        invited_by: by,
        created_at: new Date(now()).toISOString(),
        expires_at: now() + input.expiresInHours * 3_600_000,
        used_at: null,
        revoked_at: null,
      };
      await data.transaction(async (trx) => {
        if (await trx.selectFrom('accounts').select('id').where('email', '=', input.email).executeTakeFirst()) {
          throw apiError(409, 'conflict', `${input.email} is a member already; change their role in the member list instead.`);
        }
        await trx
          .updateTable('invites')
          .set({ revoked_at: row.created_at })
          .where('email', '=', input.email)
          .where('used_at', 'is', null)
          .where('revoked_at', 'is', null)
          .execute();
        await trx.insertInto('invites').values({ ...row, token_hash: hashInviteToken(token) }).execute();
      });
      const inviter = await deps.accounts.get(by);
      return { invite: toView({ ...row, inviter_name: inviter?.name ?? null }), token };
    },

    /** The most recent invites, newest first (spent ones included, so the owner sees what happened). */
    async list(limit = 100): Promise<InviteView[]> {
      return (await withInviter().orderBy('invites.created_at', 'desc').orderBy('invites.id').limit(limit).execute()).map(toView);
    },

    /** Withdraws a pending invite: its link stops working at once. */
    async revoke(id: string): Promise<InviteView> {
      const at = new Date(now()).toISOString();
      const r = await db.updateTable('invites').set({ revoked_at: at }).where('id', '=', id).where('used_at', 'is', null).where('revoked_at', 'is', null).executeTakeFirst();
      const row = await withInviter().where('invites.id', '=', id).executeTakeFirst();
      if (!row) throw apiError(404, 'not_found', `Invite ${id} does not exist; reload the list.`);
      if (Number(r.numUpdatedRows) === 0) throw apiError(409, 'conflict', `This invite is ${state(row)} already; nothing to withdraw.`);
      return toView(row);
    },

    /** What a link offers (email, role, who invited), for the join page; 404/410 when it cannot be used. */
    async inspect(token: string): Promise<InviteView> {
      const row = await withInviter().where('invites.token_hash', '=', hashInviteToken(token)).executeTakeFirst();
      if (!row) throw apiError(404, 'not_found', 'This invite link is not known here: check it was copied whole, or ask the owner for a new one.');
      const refusal = refuse(row);
      if (refusal) throw refusal;
      return toView(row);
    },

    /**
     * Spends the link and creates the account, in one transaction: of two people using one link at
     * once, on one instance or two, exactly one gets in.
     */
    async accept(token: string, input: { name: string; password: string }): Promise<{ member: MemberView; invite: InviteView }> {
      const passwordHash = await deps.accounts.hashPassword(input.password);
      return spend(hashInviteToken(token), { name: input.name, passwordHash });
    },

    /**
     * Joins with a Kinde-verified email: by the invite link's token (hashed) when the person came
     * from one, else the pending invite for that email. The account has no password (NO_PASSWORD).
     * Null when there is no pending invite for the email; a link for another email is refused.
     */
    async acceptWithKinde(email: string, name: string, tokenHash: string | null): Promise<{ member: MemberView; invite: InviteView } | null> {
      if (tokenHash) {
        const row = await db.selectFrom('invites').select(['email']).where('token_hash', '=', tokenHash).executeTakeFirst();
        if (row && row.email !== email) {
          throw apiError(403, 'forbidden', `This invite is for ${row.email}, but you signed in to Kinde as ${email}. Sign in to Kinde as ${row.email}, or ask the owner to invite ${email}.`);
        }
        return spend(tokenHash, { name, passwordHash: NO_PASSWORD });
      }
      const pending = await db
        .selectFrom('invites')
        .select(['token_hash'])
        .where('email', '=', email)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now())
        .orderBy('created_at', 'desc')
        .executeTakeFirst();
      return pending ? spend(pending.token_hash, { name, passwordHash: NO_PASSWORD }) : null;
    },
  };
  return service;

  /** Spends the invite whose token hashes to `tokenHash` and creates its account, in one transaction. */
  async function spend(tokenHash: string, input: { name: string; passwordHash: string }): Promise<{ member: MemberView; invite: InviteView }> {
    return data.transaction(async (trx) => {
      const row = await trx.selectFrom('invites').select(COLUMNS).where('token_hash', '=', tokenHash).executeTakeFirst();
      if (!row) throw apiError(404, 'not_found', 'This invite link is not known here: check it was copied whole, or ask the owner for a new one.');
      const refusal = refuse(row);
      if (refusal) throw refusal;
      const at = new Date(now()).toISOString();
      const spent = await trx
        .updateTable('invites')
        .set({ used_at: at })
        .where('id', '=', row.id)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (Number(spent.numUpdatedRows) !== 1) throw apiError(410, 'gone', 'This invite link has been used already. Ask the owner for a new one.');
      if (await trx.selectFrom('accounts').select('id').where('email', '=', row.email).executeTakeFirst()) {
        throw apiError(409, 'conflict', `${row.email} is a member already: sign in instead.`);
      }
      const member = { id: randomUUID(), email: row.email, name: input.name, role: row.role, created_at: at };
      await trx.insertInto('accounts').values({ ...member, password_hash: input.passwordHash, password_changed_at: at }).execute();
      return { member: { id: member.id, email: member.email, name: member.name, role: member.role, createdAt: at }, invite: toView({ ...row, used_at: at }) };
    });
  }
}
