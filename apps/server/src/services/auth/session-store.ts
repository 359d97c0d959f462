import { createHash, randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
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

/** Sessions in SQLite (table `sessions`, migration 3); the cookie carries a random 256-bit id. */
export class SessionStore {
  constructor(
    private readonly db: Database,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts a session; returns the id to put in the cookie (shown once, never stored). */
  create(role: Role): { id: string; expiresAt: number } {
    const id = randomBytes(32).toString('base64url');
    const now = this.now();
    const expiresAt = now + SESSION_IDLE_MS;
    this.db
      .prepare('INSERT INTO sessions (id_hash, role, created_at, expires_at, max_expires_at) VALUES (?, ?, ?, ?, ?)')
      .run(hashId(id), role, now, expiresAt, now + SESSION_MAX_MS);
    return { id, expiresAt };
  }

  /** The live session for a cookie value, extended on use; null when unknown or expired. */
  get(id: string): Session | null {
    if (!/^[A-Za-z0-9_-]{43}$/.test(id)) return null;
    const key = hashId(id);
    const row = this.db.prepare('SELECT role, expires_at, max_expires_at FROM sessions WHERE id_hash = ?').get(key) as
      | { role: Role; expires_at: number; max_expires_at: number }
      | undefined;
    const now = this.now();
    if (!row) return null;
    if (row.expires_at <= now) {
      this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(key);
      return null;
    }
    let expiresAt = row.expires_at;
    // Slide the idle expiry, but write at most about once a minute per session.
    const slid = Math.min(now + SESSION_IDLE_MS, row.max_expires_at);
    if (slid - expiresAt > 60_000) {
      this.db.prepare('UPDATE sessions SET expires_at = ? WHERE id_hash = ?').run(slid, key);
      expiresAt = slid;
    }
    return { role: row.role, expiresAt };
  }

  /** Ends one session (sign-out). */
  delete(id: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(hashId(id));
  }

  /** Ends every session of a role (its password changed or was removed); returns how many. */
  deleteRole(role: Role): number {
    return this.db.prepare('DELETE FROM sessions WHERE role = ?').run(role).changes;
  }

  /** Drops expired rows; called at startup and now and then. */
  purgeExpired(): number {
    return this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(this.now()).changes;
  }
}
