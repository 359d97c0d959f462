import type { DataLayer } from '../storage/index.ts';
import type { SecretRegistry } from '../vault/secret-registry.ts';
import { DEFAULT_SCRYPT, hashPasswordSync, verifyPassword, verifyPasswordSync, type ScryptCost } from './password-hash.ts';
import { RateLimiter } from './rate-limit.ts';
import type { Role } from './roles.ts';
import { SessionStore, type Session } from './session-store.ts';

/** Failed-or-pending sign-in attempts allowed per client address and minute. */
export const SIGN_IN_LIMIT = { limit: 5, windowMs: 60_000 };

export interface AuthOptions {
  data: DataLayer;
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
  session(sessionId: string | undefined): Promise<Session | null>;
  signOut(sessionId: string | undefined): Promise<void>;
}

const META_KEY = (role: Role) => `auth.${role}.password_hash`;

/**
 * Hashes the configured passwords once at startup and keeps only the hashes (also in `meta`, so a
 * changed password is noticed on the next start and that role's sessions end).
 */
export async function createAuthService(opts: AuthOptions): Promise<AuthService> {
  const sessions = new SessionStore(opts.data, opts.now);
  const { db } = opts.data;
  const limiter = new RateLimiter({ ...SIGN_IN_LIMIT, now: opts.now });
  const cost = opts.scryptCost ?? DEFAULT_SCRYPT;
  const hashes = new Map<Role, string>();

  const getMeta = async (key: string) => (await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst())?.value;
  const setMeta = (key: string, value: string) =>
    db
      .insertInto('meta')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  const delMeta = (key: string) => db.deleteFrom('meta').where('key', '=', key).execute();

  for (const [role, password] of [['editor', opts.editorPassword], ['viewer', opts.editorPassword ? opts.viewerPassword : undefined]] as const) {
    if (!password) {
      await delMeta(META_KEY(role));
      const ended = await sessions.deleteRole(role);
      if (ended) opts.log?.(`No ${role} password configured: ended ${ended} ${role} session(s).`);
      continue;
    }
    opts.secrets.add(password);
    const stored = await getMeta(META_KEY(role));
    if (stored && verifyPasswordSync(password, stored)) {
      hashes.set(role, stored);
      continue;
    }
    const fresh = hashPasswordSync(password, cost);
    await setMeta(META_KEY(role), fresh);
    hashes.set(role, fresh);
    const ended = await sessions.deleteRole(role);
    if (ended) opts.log?.(`The ${role} password changed: ended ${ended} ${role} session(s).`);
  }
  await sessions.purgeExpired();

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
      const { id, expiresAt } = await sessions.create(role);
      return { ok: true, role, sessionId: id, expiresAt };
    },
    session: async (id) => (id ? sessions.get(id) : null),
    async signOut(id) {
      if (id) await sessions.delete(id);
    },
  };
}
