import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
import { apiError } from '../errors.ts';
import { audit } from '../middleware/audit-context.ts';
import { actorOf, clientKey, SESSION_COOKIE } from '../middleware/session-auth.ts';
import { emailSchema, inviteAcceptSchema, inviteTokenSchema, ownerSetupSchema, passwordChangeSchema } from '../services/accounts/index.ts';
import { roleSchema, SESSION_MAX_MS, type Session } from '../services/auth/index.ts';
import { validate } from '../validate.ts';

export const signInSchema = z.object({
  /** Named accounts: the member's email. Without it the shared passwords are tried (password mode). */
  email: emailSchema.optional(),
  password: z.string().min(1, 'enter your password').max(1024),
});
export const authModeSchema = z.enum(['off', 'password', 'accounts']);
export const meSchema = z.object({
  role: roleSchema,
  /** False when the server runs without sign-in (loopback only): everyone is an editor. */
  authRequired: z.boolean(),
  expiresAt: z.string().optional(),
  /** The signed-in person; absent for a shared password or without sign-in. */
  account: z.object({ id: z.string(), email: z.string(), name: z.string() }).optional(),
});

// Secure only when the browser reached us over https (directly or via a proxy that says so),
// or the cookie would be dropped on plain-http loopback.
export const isHttps = (c: Context) => new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';

/** The session cookie of every way of signing in (password, invite, Kinde). */
export function setSessionCookie(c: Context, sessionId: string) {
  setCookie(c, SESSION_COOKIE, sessionId, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: isHttps(c),
    // The browser keeps it for the longest a session can live; the server ends idle ones sooner.
    maxAge: SESSION_MAX_MS / 1000,
  });
}

const me = (session: Session) => ({
  role: session.role,
  authRequired: true,
  expiresAt: new Date(session.expiresAt).toISOString(),
  ...(session.account ? { account: session.account } : {}),
});

/**
 * `/api/auth`: sign in (an account's email and password, or a shared password), sign out, who am
 * I, the first owner's set-up, joining by invite, password change and signing out everywhere.
 */
export function authRoutes(deps: Pick<AppDeps, 'auth' | 'logger' | 'audit' | 'kindeSignIn'>) {
  const { auth } = deps;
  const signedIn = (c: Context) => {
    const session = c.get('session');
    if (!session) throw apiError(401, 'unauthorized', 'Sign in first.');
    if (!session.account) throw apiError(409, 'conflict', 'You signed in with a shared password: this needs a named account (ask the owner for an invite).');
    return { session, account: session.account };
  };
  return new Hono()
    // `kinde`: the sign-in page offers "Sign in with Kinde".
    .get('/status', async (c) => c.json({ ...(await auth.mode()), kinde: Boolean(deps.kindeSignIn) }))
    .post('/sign-in', validate('json', signInSchema), async (c) => {
      if (!auth.enabled) return c.json({ role: 'editor' as const, authRequired: false });
      const input = c.req.valid('json');
      const result = await auth.signIn(input, clientKey(c));
      if (!result.ok) {
        audit(c, deps.audit, { action: 'auth.sign_in', outcome: 'failure', actor: null, target: input.email ?? 'shared password', detail: { reason: result.reason } });
      }
      if (!result.ok && result.reason === 'rate_limited') {
        c.header('Retry-After', String(result.retryAfterSeconds));
        throw apiError(429, 'rate_limited', `Too many sign-in attempts; try again in ${result.retryAfterSeconds} s.`, {
          retryAfterSeconds: result.retryAfterSeconds,
        });
      }
      if (!result.ok && result.reason === 'email_required') {
        throw apiError(401, 'unauthorized', 'This explorer has named accounts: sign in with your email and your own password.');
      }
      if (!result.ok) {
        deps.logger.warn({ client: clientKey(c) }, 'sign-in refused: wrong password');
        throw apiError(401, 'unauthorized', input.email ? 'Wrong email or password.' : 'Wrong access password.');
      }
      setSessionCookie(c, result.sessionId);
      audit(c, deps.audit, { action: 'auth.sign_in', actor: actorOf(result.session), detail: { method: input.email ? 'password' : 'shared_password' } });
      deps.logger.info({ role: result.session.role }, 'signed in');
      return c.json(me(result.session));
    })
    .post('/sign-out', async (c) => {
      const id = getCookie(c, SESSION_COOKIE);
      const session = await auth.session(id);
      await auth.signOut(id);
      if (session) audit(c, deps.audit, { action: 'auth.sign_out', actor: actorOf(session) });
      deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Strict', secure: isHttps(c) });
      return c.body(null, 204);
    })
    .get('/me', async (c) => {
      if (!auth.enabled) return c.json({ role: 'editor' as const, authRequired: false });
      const session = await auth.session(getCookie(c, SESSION_COOKIE));
      if (!session) throw apiError(401, 'unauthorized', 'Not signed in.');
      return c.json(me(session));
    })
    .post('/setup', validate('json', ownerSetupSchema), async (c) => {
      const { member, sessionId, session } = await auth.setupOwner(c.req.valid('json'), clientKey(c));
      setSessionCookie(c, sessionId);
      audit(c, deps.audit, { action: 'auth.owner_created', actor: actorOf(session), target: member.email });
      deps.logger.info('owner account created');
      return c.json(me(session), 201);
    })
    .post('/invite/inspect', validate('json', z.object({ token: inviteTokenSchema })), async (c) => {
      const invite = await auth.invites.inspect(c.req.valid('json').token);
      return c.json({ email: invite.email, role: invite.role, invitedBy: invite.invitedBy, expiresAt: invite.expiresAt });
    })
    .post('/invite/accept', validate('json', inviteAcceptSchema), async (c) => {
      const { token, ...input } = c.req.valid('json');
      const { member } = await auth.invites.accept(token, input);
      const { sessionId, session } = await auth.startSession(member.id);
      setSessionCookie(c, sessionId);
      audit(c, deps.audit, { action: 'member.joined', actor: actorOf(session), target: member.email, detail: { role: member.role } });
      return c.json(me(session), 201);
    })
    .post('/password', validate('json', passwordChangeSchema), async (c) => {
      const { account } = signedIn(c);
      const input = c.req.valid('json');
      const { endedSessions } = await auth.accounts.changePassword(account.id, input.currentPassword, input.newPassword, getCookie(c, SESSION_COOKIE));
      audit(c, deps.audit, { action: 'auth.password_changed', target: account.email, detail: { endedSessions } });
      return c.json({ endedSessions });
    })
    .post('/sign-out-everywhere', async (c) => {
      const { account } = signedIn(c);
      const endedSessions = await auth.endSessions(account.id);
      audit(c, deps.audit, { action: 'auth.sign_out_everywhere', target: account.email, detail: { endedSessions } });
      deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Strict', secure: isHttps(c) });
      return c.json({ endedSessions });
    });
}
