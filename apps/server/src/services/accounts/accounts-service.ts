import { randomUUID } from 'node:crypto';
import { apiError } from '../../errors.ts';
import { DEFAULT_SCRYPT, hashPassword, verifyPassword, type ScryptCost } from '../auth/password-hash.ts';
import type { Role } from '../auth/roles.ts';
import type { SessionStore } from '../auth/session-store.ts';
import type { DataLayer, Trx } from '../storage/index.ts';
import type { MemberView } from './schemas.ts';

export interface AccountsDeps {
  data: DataLayer;
  sessions: SessionStore;
  /** Tests lower the scrypt cost; production keeps the default. */
  scryptCost?: ScryptCost;
}

type AccountRow = { id: string; email: string; name: string; role: Role; created_at: string };

const toView = (r: AccountRow): MemberView => ({ id: r.id, email: r.email, name: r.name, role: r.role, createdAt: r.created_at });
const MEMBER_COLUMNS = ['id', 'email', 'name', 'role', 'created_at'] as const;
// Changes to who is an owner run one at a time across instances, so two owners removing each
// other at once cannot leave the explorer without one.
const MEMBERS_LOCK = 'accounts.members';

/**
 * The password hash of an account that signs in with Kinde only: no password verifies against it
 * (it is not an encoded scrypt hash), so it can never be signed in to with a password.
 */
export const NO_PASSWORD = '!kinde';

export type AccountsService = ReturnType<typeof createAccountsService>;

/**
 * Named accounts: the owner, members who joined by invite, their roles and passwords. Removing a
 * member deletes their sessions in the same transaction, so their next request (on any instance)
 * is refused.
 */
export function createAccountsService(deps: AccountsDeps) {
  const { data } = deps;
  const { db } = data;
  const cost = deps.scryptCost ?? DEFAULT_SCRYPT;
  // Once an account exists one always will (the last owner cannot be removed): cache only `true`.
  let known = false;
  // Checked against when the email is unknown, so a miss costs the same time as a wrong password.
  let decoy: Promise<string> | undefined;

  const find = (trx: Trx | DataLayer['db'], id: string) => trx.selectFrom('accounts').select(MEMBER_COLUMNS).where('id', '=', id).executeTakeFirst();

  const owners = async (trx: Trx) =>
    Number((await trx.selectFrom('accounts').select((eb) => eb.fn.countAll().as('n')).where('role', '=', 'owner').executeTakeFirstOrThrow()).n);

  const mustFind = async (trx: Trx, id: string) => {
    const row = await find(trx, id);
    if (!row) throw apiError(404, 'not_found', `Member ${id} does not exist (they may have been removed already); reload the list.`);
    return row;
  };

  return {
    hashPassword: (password: string) => hashPassword(password, cost),

    /** Whether named accounts are set up (an owner exists), on this instance or any other. */
    async hasAccounts(): Promise<boolean> {
      if (known) return true;
      known = (await db.selectFrom('accounts').select('id').limit(1).executeTakeFirst()) !== undefined;
      return known;
    },

    /**
     * Creates the first owner. Refused once any account exists, so it happens once per database
     * even when several instances or browsers try at the same moment.
     */
    async createOwner(input: { email: string; name: string; password: string }): Promise<MemberView> {
      const passwordHash = await hashPassword(input.password, cost);
      const row = await data.withLock(MEMBERS_LOCK, () =>
        data.transaction(async (trx) => {
          if (await trx.selectFrom('accounts').select('id').limit(1).executeTakeFirst()) {
            throw apiError(409, 'conflict', 'This explorer has an owner already: sign in, or ask the owner for an invite link.');
          }
          const now = new Date().toISOString();
          const account = { id: randomUUID(), email: input.email, name: input.name, role: 'owner' as const, created_at: now };
          await trx.insertInto('accounts').values({ ...account, password_hash: passwordHash, password_changed_at: now }).execute();
          // Named accounts take over from the shared passwords: their sessions end.
          await trx.deleteFrom('sessions').where('account_id', 'is', null).execute();
          await trx.deleteFrom('meta').where('key', 'like', 'auth.setup_code.%').execute();
          return account;
        }),
      );
      known = true;
      return toView(row);
    },

    /** The account whose email and password these are, or null (same time either way). */
    async verify(email: string, password: string): Promise<MemberView | null> {
      const row = await db.selectFrom('accounts').select([...MEMBER_COLUMNS, 'password_hash']).where('email', '=', email).executeTakeFirst();
      if (!row) {
        decoy ??= hashPassword(randomUUID(), cost);
        await verifyPassword(password, await decoy);
        return null;
      }
      return (await verifyPassword(password, row.password_hash)) ? toView(row) : null;
    },

    async list(): Promise<MemberView[]> {
      const rows = await db.selectFrom('accounts').select(MEMBER_COLUMNS).orderBy('created_at').orderBy('email').execute();
      return rows.map(toView);
    },

    /**
     * An account for a Kinde user nobody invited, when EXPLORER_OIDC_DEFAULT_ROLE allows it: no
     * password (NO_PASSWORD), never an owner. Null if the email has an account by then.
     */
    async createFromKinde(input: { email: string; name: string; role: 'viewer' | 'editor' }): Promise<MemberView | null> {
      const now = new Date().toISOString();
      const account = { id: randomUUID(), email: input.email, name: input.name, role: input.role, created_at: now };
      const r = await db
        .insertInto('accounts')
        .values({ ...account, password_hash: NO_PASSWORD, password_changed_at: now })
        .onConflict((oc) => oc.column('email').doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1 ? toView(account) : null;
    },

    /** The account of an (already lower-cased) email, or null. */
    async findByEmail(email: string): Promise<MemberView | null> {
      const row = await db.selectFrom('accounts').select(MEMBER_COLUMNS).where('email', '=', email).executeTakeFirst();
      return row ? toView(row) : null;
    },

    async get(id: string): Promise<MemberView | null> {
      const row = await find(db, id);
      return row ? toView(row) : null;
    },

    /** Removes a member and ends every session of theirs at once. */
    async remove(id: string, by: string): Promise<MemberView> {
      if (id === by) throw apiError(409, 'conflict', 'You cannot remove yourself; another owner can.');
      return data.withLock(MEMBERS_LOCK, () =>
        data.transaction(async (trx) => {
          const row = await mustFind(trx, id);
          if (row.role === 'owner' && (await owners(trx)) <= 1) {
            throw apiError(409, 'conflict', 'This is the only owner: make another member an owner first.');
          }
          await trx.deleteFrom('sessions').where('account_id', '=', id).execute();
          await trx.deleteFrom('accounts').where('id', '=', id).execute();
          return toView(row);
        }),
      );
    },

    /** Gives a member another role; it applies from their next request. Returns the member before and after. */
    async changeRole(id: string, role: Role, by: string): Promise<{ before: MemberView; after: MemberView }> {
      if (id === by) throw apiError(409, 'conflict', 'You cannot change your own role; another owner can.');
      return data.withLock(MEMBERS_LOCK, () =>
        data.transaction(async (trx) => {
          const row = await mustFind(trx, id);
          if (row.role === 'owner' && role !== 'owner' && (await owners(trx)) <= 1) {
            throw apiError(409, 'conflict', 'This is the only owner: make another member an owner first.');
          }
          await trx.updateTable('accounts').set({ role }).where('id', '=', id).execute();
          return { before: toView(row), after: toView({ ...row, role }) };
        }),
      );
    },

    /**
     * Changes a password after checking the current one; every other session of the account ends
     * (the one given as `keepSession` stays signed in).
     */
    async changePassword(id: string, current: string, next: string, keepSession: string | undefined): Promise<{ endedSessions: number }> {
      const row = await db.selectFrom('accounts').select('password_hash').where('id', '=', id).executeTakeFirst();
      if (!row) throw apiError(401, 'unauthorized', 'Your account no longer exists; ask an owner for a new invite.');
      if (row.password_hash === NO_PASSWORD) {
        throw apiError(409, 'conflict', 'You sign in with Kinde: this account has no password here to change (change it in Kinde).');
      }
      if (!(await verifyPassword(current, row.password_hash))) {
        throw apiError(400, 'validation_failed', 'The current password is not right; nothing was changed.', {
          issues: [{ path: ['currentPassword'], message: 'not your current password', code: 'custom' }],
        });
      }
      if (current === next) throw apiError(400, 'validation_failed', 'The new password is the same as the current one; choose another.');
      const hash = await hashPassword(next, cost);
      await db.updateTable('accounts').set({ password_hash: hash, password_changed_at: new Date().toISOString() }).where('id', '=', id).execute();
      return { endedSessions: await deps.sessions.deleteAccount(id, keepSession) };
    },
  };
}
