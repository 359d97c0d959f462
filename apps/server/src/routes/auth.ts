import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
import { apiError } from '../errors.ts';
import { clientKey, SESSION_COOKIE } from '../middleware/session-auth.ts';
import { roleSchema, SESSION_MAX_MS } from '../services/auth/index.ts';
import { validate } from '../validate.ts';

export const signInSchema = z.object({ password: z.string().min(1, 'enter the access password').max(1024) });
export const meSchema = z.object({
  role: roleSchema,
  /** False when the server runs without an access password (loopback only): everyone is an editor. */
  authRequired: z.boolean(),
  expiresAt: z.string().optional(),
});

// Secure only when the browser reached us over https (directly or via a proxy that says so),
// or the cookie would be dropped on plain-http loopback.
const isHttps = (c: Context) => new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';

/** `/api/auth`: sign in with an access password (session cookie), sign out, and who am I. */
export function authRoutes(deps: Pick<AppDeps, 'auth' | 'logger'>) {
  const { auth } = deps;
  return new Hono()
    .post('/sign-in', validate('json', signInSchema), async (c) => {
      if (!auth.enabled) return c.json({ role: 'editor' as const, authRequired: false });
      const result = await auth.signIn(c.req.valid('json').password, clientKey(c));
      if (!result.ok && result.reason === 'rate_limited') {
        c.header('Retry-After', String(result.retryAfterSeconds));
        throw apiError(429, 'rate_limited', `Too many sign-in attempts; try again in ${result.retryAfterSeconds} s.`, {
          retryAfterSeconds: result.retryAfterSeconds,
        });
      }
      if (!result.ok) {
        deps.logger.warn({ client: clientKey(c) }, 'sign-in refused: wrong password');
        throw apiError(401, 'unauthorized', 'Wrong access password.');
      }
      setCookie(c, SESSION_COOKIE, result.sessionId, {
        httpOnly: true,
        sameSite: 'Strict',
        path: '/',
        secure: isHttps(c),
        // The browser keeps it for the longest a session can live; the server ends idle ones sooner.
        maxAge: SESSION_MAX_MS / 1000,
      });
      deps.logger.info({ role: result.role }, 'signed in');
      return c.json({ role: result.role, authRequired: true, expiresAt: new Date(result.expiresAt).toISOString() });
    })
    .post('/sign-out', async (c) => {
      await auth.signOut(getCookie(c, SESSION_COOKIE));
      deleteCookie(c, SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'Strict', secure: isHttps(c) });
      return c.body(null, 204);
    })
    .get('/me', async (c) => {
      if (!auth.enabled) return c.json({ role: 'editor' as const, authRequired: false });
      const session = await auth.session(getCookie(c, SESSION_COOKIE));
      if (!session) throw apiError(401, 'unauthorized', 'Not signed in.');
      return c.json({ role: session.role, authRequired: true, expiresAt: new Date(session.expiresAt).toISOString() });
    });
}
