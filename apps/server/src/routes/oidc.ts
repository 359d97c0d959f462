import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
import { ApiError, apiError } from '../errors.ts';
import { requestHeader } from '../http/node-request.ts';
import { audit } from '../middleware/audit-context.ts';
import { actorOf, clientKey } from '../middleware/session-auth.ts';
import { inviteTokenSchema } from '../services/accounts/index.ts';
import { KindeError } from '../services/oidc/kinde-client.ts';
import type { KindeRefusal } from '../services/oidc/kinde-sign-in.ts';
import { LOGIN_TTL_MS } from '../services/oidc/pending-logins.ts';
import { validate } from '../validate.ts';
import { isHttps, setSessionCookie } from './auth.ts';
import { kindeProblemPage } from './oidc-page.ts';

/** Binds a login to the browser that started it. Lax: it must come back on Kinde's cross-site redirect. */
export const LOGIN_COOKIE = 'explorer_kinde_login';
const CALLBACK_PATH = '/api/auth/oidc/callback';

export const oidcStartSchema = z.object({
  /** Joining by invite link with Kinde: the link's token. */
  invite: inviteTokenSchema.optional(),
  /** `login`: Kinde asks who you are even when you are signed in there (another Kinde account). */
  prompt: z.enum(['login']).optional(),
});

const TITLES: Record<KindeRefusal, string> = {
  denied: 'Signing in with Kinde was cancelled',
  unreachable: 'Kinde could not be reached',
  rejected: 'Kinde did not sign you in',
  bad_state: 'This sign-in link is not valid here',
  expired: 'This sign-in expired',
  other_browser: 'Started in another browser',
  no_email: 'Kinde sent no email address',
  email_unverified: 'Your email is not verified in Kinde',
  needs_owner: 'This explorer has no owner yet',
  not_invited: 'You are not a member of this explorer',
  invite_refused: 'The invite could not be used',
};

/** The callback URL Kinde must send people back to: from EXPLORER_PUBLIC_URL, else the address this request came to (Host is allow-listed). */
function redirectUri(c: Context, publicUrl: string | undefined): string {
  if (publicUrl) return `${publicUrl}${CALLBACK_PATH}`;
  const host = requestHeader(c, 'host') ?? new URL(c.req.url).host;
  return `${isHttps(c) ? 'https' : 'http'}://${host}${CALLBACK_PATH}`;
}

/**
 * `/api/auth/oidc`: "Sign in with Kinde". `POST /start` (JSON, from the SPA) keeps the login in the
 * database and answers Kinde's URL, which the browser opens; Kinde redirects to `GET /callback`,
 * which sets the same session cookie as a password sign-in and sends the browser to `/`, or shows
 * a page that says what went wrong and what to do.
 */
export function oidcRoutes(deps: Pick<AppDeps, 'kindeSignIn' | 'logger' | 'audit' | 'config'>) {
  const enabled = () => {
    if (!deps.kindeSignIn) throw apiError(404, 'not_found', 'Sign in with Kinde is not set up on this server (EXPLORER_OIDC_ISSUER, _CLIENT_ID, _CLIENT_SECRET).');
    return deps.kindeSignIn;
  };
  return new Hono()
    .post('/start', validate('json', oidcStartSchema), async (c) => {
      const kinde = enabled();
      const input = c.req.valid('json');
      try {
        const { url, browserId } = await kinde.start({ redirectUri: redirectUri(c, deps.config.publicUrl), clientKey: clientKey(c), inviteToken: input.invite, prompt: input.prompt });
        setCookie(c, LOGIN_COOKIE, browserId, { httpOnly: true, sameSite: 'Lax', path: '/api/auth/oidc', secure: isHttps(c), maxAge: LOGIN_TTL_MS / 1000 });
        return c.json({ url: url.toString() });
      } catch (err) {
        if (err instanceof ApiError && err.code === 'rate_limited') c.header('Retry-After', String((err.details as { retryAfterSeconds: number }).retryAfterSeconds));
        if (err instanceof KindeError) {
          deps.logger.warn({ issuer: kinde.issuer }, err.message);
          throw apiError(502, 'upstream_unreachable', `${err.message} Try again in a moment; password sign-in still works.`);
        }
        throw err;
      }
    })
    .get('/callback', async (c) => {
      const kinde = enabled();
      const query = new URL(c.req.url).searchParams;
      const result = await kinde.finish(query, getCookie(c, LOGIN_COOKIE));
      deleteCookie(c, LOGIN_COOKIE, { path: '/api/auth/oidc', httpOnly: true, sameSite: 'Lax', secure: isHttps(c) });
      c.header('Cache-Control', 'no-store');
      if (!result.ok) {
        audit(c, deps.audit, { action: 'auth.sign_in', outcome: 'failure', actor: null, target: result.email ?? 'Kinde', detail: { method: 'kinde', reason: result.reason } });
        deps.logger.warn({ reason: result.reason }, 'sign-in with Kinde refused');
        const status = result.reason === 'unreachable' ? 502 : result.reason === 'not_invited' || result.reason === 'invite_refused' ? 403 : 400;
        return c.html(kindeProblemPage({ title: TITLES[result.reason], message: result.message, issuer: kinde.issuer }), status);
      }
      // Set on this response: the browser keeps it although Kinde's redirect was cross-site. It is
      // SameSite=Strict, so it is not sent on the redirect to / in this same navigation, but on every
      // request the page then makes (same-site), which is where the session is needed.
      setSessionCookie(c, result.sessionId);
      const actor = actorOf(result.session);
      if (result.joined) audit(c, deps.audit, { action: 'member.joined', actor, target: result.member.email, detail: { role: result.member.role, method: 'kinde', via: result.joined } });
      audit(c, deps.audit, { action: 'auth.sign_in', actor, detail: { method: 'kinde' } });
      deps.logger.info({ role: result.session.role, method: 'kinde' }, 'signed in');
      return c.redirect('/', 303);
    });
}
