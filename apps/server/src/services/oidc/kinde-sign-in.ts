import { randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import { ApiError, apiError } from '../../errors.ts';
import { hashInviteToken, type MemberView } from '../accounts/index.ts';
import type { AuthService, Session } from '../auth/index.ts';
import { createRateLimiter, type LimitRule } from '../auth/rate-limit.ts';
import type { DataLayer } from '../storage/index.ts';
import { KindeError, type KindeClient } from './kinde-client.ts';
import { createPendingLogins, sha256 } from './pending-logins.ts';

export type KindeRefusal =
  | 'denied'
  | 'unreachable'
  | 'rejected'
  | 'bad_state'
  | 'expired'
  | 'other_browser'
  | 'no_email'
  | 'email_unverified'
  | 'needs_owner'
  | 'not_invited'
  | 'invite_refused';

export type KindeSignInResult =
  | { ok: true; member: MemberView; session: Session; sessionId: string; joined: 'invite' | 'default_role' | null }
  | { ok: false; reason: KindeRefusal; message: string; email?: string | undefined };

export interface KindeSignInDeps {
  data: DataLayer;
  auth: AuthService;
  kinde: KindeClient;
  defaultRole: 'viewer' | 'editor' | undefined;
  now?: () => number;
}

/** Each start keeps a row for 10 minutes: one client address may start this many per minute (on all instances together). */
export const KINDE_START_LIMIT: LimitRule = { name: 'kinde_start', limit: 60, windowMs: 60_000 };

const refuse = (reason: KindeRefusal, message: string, email?: string): KindeSignInResult => ({ ok: false, reason, message, email });

/**
 * "Sign in with Kinde": `start` keeps the state, PKCE verifier and nonce in the database (any
 * instance may receive the callback) bound to the starting browser, and returns Kinde's URL;
 * `finish` spends that login, lets openid-client exchange and validate, and signs the Kinde user in
 * as the account with their email, or lets them join by their invite. Nobody else gets an account,
 * unless a default role is configured.
 */
export function createKindeSignIn(deps: KindeSignInDeps) {
  const logins = createPendingLogins(deps.data, deps.now);
  const limiter = createRateLimiter(deps.data, deps.now ? { now: deps.now } : {});
  const { auth, kinde } = deps;

  return {
    issuer: kinde.issuer,

    /** A new login; `browserId` goes into a cookie that the callback must bring back. Rate-limited per `clientKey`. */
    async start(input: { redirectUri: string; clientKey: string; inviteToken?: string | undefined; prompt?: string | undefined }): Promise<{ url: URL; browserId: string }> {
      const slot = await limiter.take([{ rule: KINDE_START_LIMIT, subject: input.clientKey }]);
      if (!slot.ok) {
        throw apiError(429, 'rate_limited', `Too many sign-ins with Kinde started from your address; try again in ${slot.retryAfterSeconds} s.`, { retryAfterSeconds: slot.retryAfterSeconds });
      }
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const browserId = randomBytes(24).toString('base64url');
      // Kinde first, so a Kinde that cannot be reached leaves no row behind.
      const url = await kinde.authorizationUrl({ redirectUri: input.redirectUri, state, nonce, codeVerifier, prompt: input.prompt });
      await logins.save(state, {
        codeVerifier,
        nonce,
        redirectUri: input.redirectUri,
        inviteTokenHash: input.inviteToken ? hashInviteToken(input.inviteToken) : null,
        browserHash: sha256(browserId),
      });
      return { url, browserId };
    },

    /** Handles Kinde's redirect back (`code` and `state`, or `error`). */
    async finish(query: URLSearchParams, browserId: string | undefined): Promise<KindeSignInResult> {
      const state = query.get('state');
      const login = state ? await logins.take(state) : null;
      if (!login) {
        if (query.get('error') === 'access_denied') return refuse('denied', 'You cancelled signing in with Kinde.');
        return refuse('bad_state', 'This sign-in with Kinde is not known here: it was finished already, or did not start from this explorer. Start again.');
      }
      if (login.expired) return refuse('expired', 'This sign-in with Kinde took too long (more than 10 minutes) and expired. Start again.');
      if (!browserId || sha256(browserId) !== login.browserHash) {
        return refuse('other_browser', 'This sign-in with Kinde was started in another browser (or its cookies were cleared). Start again here.');
      }
      const callback = new URL(login.redirectUri);
      for (const [k, v] of query) callback.searchParams.append(k, v);

      let identity;
      try {
        identity = await kinde.exchange(callback, { state: state!, nonce: login.nonce, codeVerifier: login.codeVerifier });
      } catch (err) {
        if (!(err instanceof KindeError)) throw err;
        if (err.reason === 'denied') return refuse('denied', 'You cancelled signing in with Kinde (or Kinde did not allow it).');
        return refuse(err.reason, err.message);
      }
      const { email } = identity;
      if (!email) return refuse('no_email', 'Kinde did not tell the explorer your email address, so it cannot find your account. Check that the application may read the email (scope "email").');
      if (!identity.emailVerified) return refuse('email_unverified', `Kinde has not verified ${email} yet: verify it in Kinde, then sign in again.`, email);
      if ((await auth.mode()).needsOwner) return refuse('needs_owner', 'This explorer has no owner yet: the owner is created first, with the set-up code the server printed.', email);

      const existing = await auth.accounts.findByEmail(email);
      let member = existing;
      let joined: 'invite' | 'default_role' | null = null;
      if (!member) {
        const name = identity.name ?? email.split('@')[0]!;
        try {
          member = (await auth.invites.acceptWithKinde(email, name, login.inviteTokenHash))?.member ?? null;
          if (member) joined = 'invite';
        } catch (err) {
          if (err instanceof ApiError) return refuse('invite_refused', err.message, email);
          throw err;
        }
        if (!member && deps.defaultRole) {
          member = (await auth.accounts.createFromKinde({ email, name, role: deps.defaultRole })) ?? (await auth.accounts.findByEmail(email));
          if (member) joined = 'default_role';
        }
      }
      if (!member) return refuse('not_invited', `${email} has no account on this explorer. Ask an owner to invite ${email}, then sign in with Kinde again.`, email);
      const { sessionId, session } = await auth.startSession(member.id);
      return { ok: true, member, session, sessionId, joined };
    },
  };
}

export type KindeSignIn = ReturnType<typeof createKindeSignIn>;
