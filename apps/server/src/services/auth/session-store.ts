import { createHash, randomBytes } from 'node:crypto';
import type { DataLayer } from '../storage/index.ts';
import type { Role } from './roles.ts';

/** A session ends after this long without use… */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** …and after this long whatever happens, so a stolen cookie does not live forever. */
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;

export interface Session {
  role: Role;
  expiresAt: number;
}

// Only a hash of the id is stored: a copy of the database does not hand out live sessions.
const hashId = (id: string) => createHash('sha256').update(id, 'utf8').digest('hex');

/**
 * Sessions in the database (table `sessions`, migration 3), so every instance knows every
 * session; the cookie carries a random 256-bit id.
 */
export class SessionStore {
  constructor(
    private readonly data: DataLayer,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts a session; returns the id to put in the cookie (shown once, never stored). */
  async create(role: Role): Promise<{ id: string; expiresAt: number }> {
    const id = randomBytes(32).toString('base64url');
    const now = this.now();
    const expiresAt = now + SESSION_IDLE_MS;
    await this.data.db
      .insertInto('sessions')
      .values({ id_hash: hashId(id), role, created_at: now, expires_at: expiresAt, max_expires_at: now + SESSION_MAX_MS })
      .execute();
    return { id, expiresAt };
  }

  /** The live session for a cookie value, extended on use; null when unknown or expired. */
  async get(id: string): Promise<Session | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(id)) return null;
    const { db } = this.data;
    const key = hashId(id);
    const row = await db.selectFrom('sessions').select(['role', 'expires_at', 'max_expires_at']).where('id_hash', '=', key).executeTakeFirst();
    const now = this.now();
    if (!row) return null;
    if (row.expires_at <= now) {
      await db.deleteFrom('sessions').where('id_hash', '=', key).execute();
      return null;
    }
    let expiresAt = row.expires_at;
    // Slide the idle expiry, but write at most about once a minute per session.
    const slid = Math.min(now + SESSION_IDLE_MS, row.max_expires_at);
    if (slid - expiresAt > 60_000) {
      await db.updateTable('sessions').set({ expires_at: slid }).where('id_hash', '=', key).execute();
      expiresAt = slid;
    }
    return { role: row.role, expiresAt };
  }

  /** Ends one session (sign-out). */
  async delete(id: string): Promise<void> {
    await this.data.db.deleteFrom('sessions').where('id_hash', '=', hashId(id)).execute();
  }

  /** Ends every session of a role (its password changed or was removed); returns how many. */
  async deleteRole(role: Role): Promise<number> {
    const r = await this.data.db.deleteFrom('sessions').where('role', '=', role).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** Drops expired rows; called at startup and now and then. */
  async purgeExpired(): Promise<number> {
    const r = await this.data.db.deleteFrom('sessions').where('expires_at', '<=', this.now()).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
