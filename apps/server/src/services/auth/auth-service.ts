import { createHash, randomBytes } from 'node:crypto';
import { apiError } from '../../errors.ts';
import { createAccountsService, createInvitesService, type AccountsService, type InvitesService, type MemberView, type OwnerSetup } from '../accounts/index.ts';
import type { DataLayer } from '../storage/index.ts';
import type { SecretRegistry } from '../vault/secret-registry.ts';
import { DEFAULT_SCRYPT, hashPasswordSync, verifyPassword, verifyPasswordSync, type ScryptCost } from './password-hash.ts';
import { createRateLimiter, type LimitTicket } from './rate-limit.ts';
import { SessionStore, type Session } from './session-store.ts';
import { signInChecks } from './sign-in-limits.ts';

export interface AuthOptions {
  data: DataLayer;
  /** `EXPLORER_ACCESS_PASSWORD`: the shared editor password (until named accounts are set up). */
  editorPassword: string | undefined;
  /** `EXPLORER_VIEWER_PASSWORD`: the shared viewer password. */
  viewerPassword: string | undefined;
  /** `EXPLORER_SIGN_IN=accounts`: named accounts; the first owner is created in the browser. */
  accounts?: boolean;
  /** `EXPLORER_OWNER_EMAIL` / `_PASSWORD` / `_NAME`: the first owner, created at start if there is none. */
  owner?: { email: string; password: string; name?: string | undefined } | undefined;
  /** The passwords join it so no log line can carry them. */
  secrets: SecretRegistry;
  log?: (message: string) => void;
  /** Tests lower the scrypt cost; production keeps the default. */
  scryptCost?: ScryptCost;
  now?: () => number;
}

/**
 * - `off`: no sign-in (loopback only; everyone is an editor).
 * - `password`: the shared editor / viewer passwords of earlier releases.
 * - `accounts`: people sign in as themselves; `needsOwner` until the first owner exists.
 */
export type AuthMode = 'off' | 'password' | 'accounts';

export type SignInResult =
  | { ok: true; session: Session; sessionId: string }
  | { ok: false; reason: 'wrong_password' }
  /** Named accounts are in use: a password alone signs nobody in. */
  | { ok: false; reason: 'email_required' }
  | { ok: false; reason: 'rate_limited'; retryAfterSeconds: number };

export interface AuthService {
  /** Whether sign-in is required at all. */
  readonly enabled: boolean;
  /**
   * While no owner exists: this instance's one-time code for creating the owner in the browser
   * (the start banner prints it; only its hash is stored). Null once an owner exists here.
   */
  readonly setupCode: string | null;
  /** The mode now (shared passwords give way to accounts once an owner exists, on any instance). */
  mode(): Promise<{ mode: AuthMode; needsOwner: boolean }>;
  /** An email signs in to that account; without one the shared passwords are tried (password mode). Rate-limited per client address and email (sign-in-limits.ts), on every instance. */
  signIn(input: { email?: string | undefined; password: string }, clientKey: string): Promise<SignInResult>;
  /** The session a cookie value stands for (read from the database on every call), or null. */
  session(sessionId: string | undefined): Promise<Session | null>;
  signOut(sessionId: string | undefined): Promise<void>;
  /** Creates the first owner with a set-up code (or the shared editor password) and signs them in. */
  setupOwner(input: OwnerSetup, clientKey: string): Promise<{ member: MemberView; sessionId: string; session: Session }>;
  /** Signs in the member a spent invite just created. */
  startSession(accountId: string): Promise<{ sessionId: string; session: Session }>;
  /** Ends every session of an account, all but `except`; returns how many. */
  endSessions(accountId: string, except?: string): Promise<number>;
  readonly accounts: AccountsService;
  readonly invites: InvitesService;
}

const META_KEY = (role: 'viewer' | 'editor') => `auth.${role}.password_hash`;
const SETUP_CODE_KEY = (code: string) => `auth.setup_code.${createHash('sha256').update(code, 'utf8').digest('hex')}`;

/**
 * Sign-in for every mode. The shared passwords are hashed once at start and only their hashes kept
 * (also in `meta`, so a changed password ends that role's sessions). With sign-in on and no owner
 * yet, each instance has a one-time set-up code it prints at start: whoever creates the owner must
 * have read the server's output (or know the shared editor password).
 */
export async function createAuthService(opts: AuthOptions): Promise<AuthService> {
  const { data } = opts;
  const { db } = data;
  const sessions = new SessionStore(data, opts.now);
  const accounts = createAccountsService({ data, sessions, ...(opts.scryptCost ? { scryptCost: opts.scryptCost } : {}) });
  const invites = createInvitesService({ data, accounts, ...(opts.now ? { now: opts.now } : {}) });
  const limiter = createRateLimiter(data, opts.now ? { now: opts.now } : {});
  const cost = opts.scryptCost ?? DEFAULT_SCRYPT;
  const hashes = new Map<'viewer' | 'editor', string>();

  const getMeta = async (key: string) => (await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst())?.value;
  const setMeta = (key: string, value: string) =>
    db
      .insertInto('meta')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  const delMeta = (key: string) => db.deleteFrom('meta').where('key', '=', key).execute();

  if (opts.owner) {
    opts.secrets.add(opts.owner.password);
    if (!(await accounts.hasAccounts())) {
      const owner = await accounts.createOwner({ email: opts.owner.email, name: opts.owner.name ?? opts.owner.email.split('@')[0]!, password: opts.owner.password });
      opts.log?.(`Created the owner account ${owner.email} from EXPLORER_OWNER_EMAIL.`);
    }
  }
  const hadAccounts = await accounts.hasAccounts();

  for (const [role, password] of [['editor', opts.editorPassword], ['viewer', opts.editorPassword ? opts.viewerPassword : undefined]] as const) {
    if (password) opts.secrets.add(password);
    if (!password || hadAccounts) {
      await delMeta(META_KEY(role));
      const ended = await sessions.deleteRole(role);
      if (ended) opts.log?.(`No ${role} password in use: ended ${ended} ${role} session(s).`);
      continue;
    }
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
  if (hadAccounts && opts.editorPassword) {
    opts.log?.('Named accounts are set up: EXPLORER_ACCESS_PASSWORD and EXPLORER_VIEWER_PASSWORD are ignored; remove them.');
  }
  await sessions.purgeExpired();

  const wantsAccounts = Boolean(opts.accounts || opts.owner || hadAccounts);
  const enabled = wantsAccounts || hashes.has('editor');
  let setupCode: string | null = null;
  if (enabled && !hadAccounts) {
    setupCode = randomBytes(12).toString('base64url');
    await setMeta(SETUP_CODE_KEY(setupCode), new Date().toISOString());
  }

  const take = async (clientKey: string, email?: string): Promise<{ ok: false; reason: 'rate_limited'; retryAfterSeconds: number } | LimitTicket> => {
    const slot = await limiter.take(signInChecks(clientKey, email));
    if (!slot.ok) return { ok: false, reason: 'rate_limited', retryAfterSeconds: slot.retryAfterSeconds };
    return slot.ticket;
  };

  const startSession = async (accountId: string) => {
    const { id } = await sessions.create({ accountId });
    const session = await sessions.get(id);
    if (!session) throw apiError(401, 'unauthorized', 'Your account was removed while signing in; ask an owner for a new invite.');
    return { sessionId: id, session };
  };

  return {
    enabled,
    get setupCode() {
      return setupCode;
    },
    accounts,
    invites,
    async mode() {
      if (!enabled) return { mode: 'off', needsOwner: false };
      if (await accounts.hasAccounts()) return { mode: 'accounts', needsOwner: false };
      return { mode: wantsAccounts ? 'accounts' : 'password', needsOwner: true };
    },

    async signIn(input, clientKey) {
      // Counted before the slow hash, so parallel guesses cannot slip past the limit.
      const ticket = await take(clientKey, input.email);
      if ('reason' in ticket) return ticket;
      if (input.email) {
        const member = await accounts.verify(input.email, input.password);
        if (!member) return { ok: false, reason: 'wrong_password' };
        await limiter.refund(ticket);
        const { sessionId, session } = await startSession(member.id);
        return { ok: true, sessionId, session };
      }
      // The shared passwords stop working once an owner exists (checked on every instance).
      if (hashes.size === 0 || (await accounts.hasAccounts())) return { ok: false, reason: 'email_required' };
      const checks = await Promise.all([...hashes].map(async ([role, hash]) => ((await verifyPassword(input.password, hash)) ? role : null)));
      const role = checks.includes('editor') ? 'editor' : checks.includes('viewer') ? 'viewer' : null;
      if (!role) return { ok: false, reason: 'wrong_password' };
      await limiter.refund(ticket);
      const { id, expiresAt } = await sessions.create({ role });
      return { ok: true, sessionId: id, session: { role, expiresAt, account: null } };
    },

    session: async (id) => (id ? sessions.get(id) : null),

    async signOut(id) {
      if (id) await sessions.delete(id);
    },

    async setupOwner(input, clientKey) {
      if (!enabled) throw apiError(409, 'conflict', 'Sign-in is off on this server (loopback only): set EXPLORER_SIGN_IN=accounts and restart to use named accounts.');
      if (await accounts.hasAccounts()) throw apiError(409, 'conflict', 'This explorer has an owner already: sign in, or ask the owner for an invite link.');
      // The shared editor password opens this too: the same windows as a shared-password sign-in.
      const ticket = await take(clientKey);
      if ('reason' in ticket) {
        const limited = ticket;
        throw apiError(429, 'rate_limited', `Too many attempts; try again in ${limited.retryAfterSeconds} s.`, { retryAfterSeconds: limited.retryAfterSeconds });
      }
      const editorHash = hashes.get('editor');
      const valid = (await getMeta(SETUP_CODE_KEY(input.setupCode))) !== undefined || (editorHash !== undefined && (await verifyPassword(input.setupCode, editorHash)));
      if (!valid) {
        throw apiError(403, 'forbidden', 'That set-up code is not right: copy it from the "Owner set-up" line the server printed when it started (every start prints a new one).');
      }
      await limiter.refund(ticket);
      const member = await accounts.createOwner(input);
      hashes.clear();
      setupCode = null;
      return { member, ...(await startSession(member.id)) };
    },

    startSession,
    endSessions: (accountId, except) => sessions.deleteAccount(accountId, except),
  };
}
