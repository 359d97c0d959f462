import type { Database } from 'better-sqlite3';
import type { SecretRegistry } from '../vault/secret-registry.ts';
import { DEFAULT_SCRYPT, hashPasswordSync, verifyPassword, verifyPasswordSync, type ScryptCost } from './password-hash.ts';
import { RateLimiter } from './rate-limit.ts';
import type { Role } from './roles.ts';
import { SessionStore, type Session } from './session-store.ts';

/** Failed-or-pending sign-in attempts allowed per client address and minute. */
export const SIGN_IN_LIMIT = { limit: 5, windowMs: 60_000 };

export interface AuthOptions {
  db: Database;
  /** `EXPLORER_ACCESS_PASSWORD`: signs in as editor. Without it, auth is off. */
  editorPassword: string | undefined;
  /** `EXPLORER_VIEWER_PASSWORD`: signs in as viewer. */
  viewerPassword: string | undefined;
  /** The passwords join it so no log line can carry them. */
  secrets: SecretRegistry;
  log?: (message: string) => void;
  /** Tests lower the scrypt cost; production keeps the default. */
  scryptCost?: ScryptCost;
  now?: () => number;
}

export type SignInResult =
  | { ok: true; role: Role; sessionId: string; expiresAt: number }
  | { ok: false; reason: 'wrong_password' }
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

export interface AuthService {
  /** Whether sign-in is required (an access password is configured). */
  readonly enabled: boolean;
  /** Checks a password against the configured ones (slow KDF), rate-limited per `clientKey`. */
  signIn(password: string, clientKey: string): Promise<SignInResult>;
  /** The session a cookie value stands for, or null. */
  session(sessionId: string | undefined): Session | null;
  signOut(sessionId: string | undefined): void;
}

const META_KEY = (role: Role) => `auth.${role}.password_hash`;

/**
 * Hashes the configured passwords once at startup and keeps only the hashes (also in `meta`, so a
 * changed password is noticed on the next start and that role's sessions end).
 */
export function createAuthService(opts: AuthOptions): AuthService {
  const sessions = new SessionStore(opts.db, opts.now);
  const limiter = new RateLimiter({ ...SIGN_IN_LIMIT, now: opts.now });
  const cost = opts.scryptCost ?? DEFAULT_SCRYPT;
  const hashes = new Map<Role, string>();

  const getMeta = opts.db.prepare('SELECT value FROM meta WHERE key = ?');
  const setMeta = opts.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const delMeta = opts.db.prepare('DELETE FROM meta WHERE key = ?');

  for (const [role, password] of [['editor', opts.editorPassword], ['viewer', opts.editorPassword ? opts.viewerPassword : undefined]] as const) {
    if (!password) {
      delMeta.run(META_KEY(role));
      const ended = sessions.deleteRole(role);
      if (ended) opts.log?.(`No ${role} password configured: ended ${ended} ${role} session(s).`);
      continue;
    }
    opts.secrets.add(password);
    const stored = (getMeta.get(META_KEY(role)) as { value: string } | undefined)?.value;
    if (stored && verifyPasswordSync(password, stored)) {
      hashes.set(role, stored);
      continue;
    }
    const fresh = hashPasswordSync(password, cost);
    setMeta.run(META_KEY(role), fresh);
    hashes.set(role, fresh);
    const ended = sessions.deleteRole(role);
    if (ended) opts.log?.(`The ${role} password changed: ended ${ended} ${role} session(s).`);
  }
  sessions.purgeExpired();

  return {
    enabled: hashes.has('editor'),
    async signIn(password, clientKey) {
      // Counted before the slow hash, so parallel guesses cannot slip past the limit.
      const slot = limiter.take(clientKey);
      if (!slot.ok) return { ok: false, reason: 'rate_limited', retryAfterSeconds: slot.retryAfterSeconds };
      const checks = await Promise.all(
        [...hashes].map(async ([role, hash]) => ((await verifyPassword(password, hash)) ? role : null)),
      );
      const role = checks.includes('editor') ? 'editor' : checks.includes('viewer') ? 'viewer' : null;
      if (!role) return { ok: false, reason: 'wrong_password' };
      limiter.refund(clientKey);
      const { id, expiresAt } = sessions.create(role);
      return { ok: true, role, sessionId: id, expiresAt };
    },
    session: (id) => (id ? sessions.get(id) : null),
    signOut(id) {
      if (id) sessions.delete(id);
    },
  };
}
