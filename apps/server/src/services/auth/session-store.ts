import { createHash, randomBytes } from 'node:crypto';
import type { DataLayer } from '../storage/index.ts';
import type { Role } from './roles.ts';

/** A session ends after this long without use… */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** …and after this long whatever happens, so a stolen cookie does not live forever. */
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;

/** The person behind a named account's session. */
export interface SessionAccount {
  id: string;
  email: string;
  name: string;
}

export interface Session {
  role: Role;
  expiresAt: number;
  /** Null for a shared-password session (EXPLORER_ACCESS_PASSWORD / EXPLORER_VIEWER_PASSWORD). */
  account: SessionAccount | null;
}

/** Whose session: a named account (its role is read from `accounts` on every request) or a shared password's role. */
export type SessionOwner = { accountId: string } | { role: 'viewer' | 'editor' };

// Only a hash of the id is stored: a copy of the database does not hand out live sessions.
const hashId = (id: string) => createHash('sha256').update(id, 'utf8').digest('hex');
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

/**
 * Sessions in the database (table `sessions`), so every instance knows every session; the cookie
 * carries a random 256-bit id. An account's session is read together with its account on every
 * request: a removed member (or a changed role) takes effect at the next request on any instance.
 */
export class SessionStore {
  constructor(
    private readonly data: DataLayer,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts a session; returns the id to put in the cookie (shown once, never stored). */
  async create(owner: SessionOwner): Promise<{ id: string; expiresAt: number }> {
    const id = randomBytes(32).toString('base64url');
    const now = this.now();
    const expiresAt = now + SESSION_IDLE_MS;
    await this.data.db
      .insertInto('sessions')
      .values({
        id_hash: hashId(id),
        account_id: 'accountId' in owner ? owner.accountId : null,
        role: 'role' in owner ? owner.role : null,
        created_at: now,
        expires_at: expiresAt,
        max_expires_at: now + SESSION_MAX_MS,
      })
      .execute();
    return { id, expiresAt };
  }

  /** The live session for a cookie value, extended on use; null when unknown, expired or its account removed. */
  async get(id: string): Promise<Session | null> {
    if (!SESSION_ID.test(id)) return null;
    const { db } = this.data;
    const key = hashId(id);
    const row = await db
      .selectFrom('sessions')
      .leftJoin('accounts', 'accounts.id', 'sessions.account_id')
      .select([
        'sessions.role as shared_role',
        'sessions.account_id',
        'sessions.expires_at',
        'sessions.max_expires_at',
        'accounts.role as account_role',
        'accounts.email',
        'accounts.name',
      ])
      .where('sessions.id_hash', '=', key)
      .executeTakeFirst();
    const now = this.now();
    if (!row) return null;
    if (row.expires_at <= now) {
      await db.deleteFrom('sessions').where('id_hash', '=', key).execute();
      return null;
    }
    const role = row.account_id ? row.account_role : row.shared_role;
    if (!role) return null; // the account is gone (its sessions are deleted with it)
    let expiresAt = row.expires_at;
    // Slide the idle expiry, but write at most about once a minute per session.
    const slid = Math.min(now + SESSION_IDLE_MS, row.max_expires_at);
    if (slid - expiresAt > 60_000) {
      await db.updateTable('sessions').set({ expires_at: slid }).where('id_hash', '=', key).execute();
      expiresAt = slid;
    }
    const account = row.account_id && row.email && row.name !== null ? { id: row.account_id, email: row.email, name: row.name } : null;
    return { role, expiresAt, account };
  }

  /** Ends one session (sign-out). */
  async delete(id: string): Promise<void> {
    await this.data.db.deleteFrom('sessions').where('id_hash', '=', hashId(id)).execute();
  }

  /** Ends every shared-password session of a role (its password changed or was removed); returns how many. */
  async deleteRole(role: 'viewer' | 'editor'): Promise<number> {
    const r = await this.data.db.deleteFrom('sessions').where('account_id', 'is', null).where('role', '=', role).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** Ends every shared-password session (named accounts took over). */
  async deleteShared(): Promise<number> {
    const r = await this.data.db.deleteFrom('sessions').where('account_id', 'is', null).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** Ends every session of an account ("sign out everywhere"), all but `except` when given; returns how many. */
  async deleteAccount(accountId: string, except?: string): Promise<number> {
    let q = this.data.db.deleteFrom('sessions').where('account_id', '=', accountId);
    if (except) q = q.where('id_hash', '<>', hashId(except));
    const r = await q.executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** Drops expired rows; called at startup and now and then. */
  async purgeExpired(): Promise<number> {
    const r = await this.data.db.deleteFrom('sessions').where('expires_at', '<=', this.now()).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
