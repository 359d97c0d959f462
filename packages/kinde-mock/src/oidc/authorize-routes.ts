import { Hono, type Context } from 'hono';
import { createUser } from '../resources/user-create.ts';
import type { AppEnv, SandboxContext } from '../context.ts';
import type { UserRecord } from '../store/types.ts';
import { errorPage, PAGE_HEADERS, signInPage } from './sign-in-page.ts';
import type { PendingAuthorization } from './oidc-state.ts';

/** How many seeded users the sign-in page offers to pick from. */
const LISTED_USERS = 6;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const html = (c: Context, body: string, status: 200 | 400 = 200) => c.body(body, status, PAGE_HEADERS);

/** Sends the browser back to the app with `params` (RFC 6749 §4.1.2), state echoed. */
function back(c: Context, redirectUri: string, state: string | null, params: Record<string, string>) {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  if (state) url.searchParams.set('state', state);
  return c.redirect(url.toString(), 302);
}

function nameFromEmail(email: string) {
  const local = email.split('@')[0]!.split(/[._+-]+/).filter(Boolean);
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return { given_name: cap(local[0] ?? email), family_name: local.slice(1).map(cap).join(' ') };
}

/**
 * `GET /oauth2/auth`: Kinde's authorization endpoint for the authorization code flow with PKCE
 * (S256 only). A wrong client or redirect URI gets an error page (never a redirect, per RFC 6749);
 * any other fault goes back to the app as `error=…`. A valid request shows the sign-in page, whose
 * answer (`POST /oauth2/auth/sign-in`) redirects to the app with a single-use code.
 */
export function authorizeRoutes(ctx: SandboxContext) {
  const { oidc } = ctx;
  return new Hono<AppEnv>()
    .get('/oauth2/auth', (c) => {
      const q = (name: string) => c.req.query(name) ?? null;
      const client = oidc.webClient;
      if (q('client_id') !== client.clientId) {
        return html(c, errorPage('Unknown application', `No application with client_id "${q('client_id') ?? ''}" is registered in this business.`), 400);
      }
      const redirectUri = q('redirect_uri');
      if (!redirectUri || !client.redirectUris.includes(redirectUri)) {
        return html(
          c,
          errorPage('Callback URL not allowed', `"${redirectUri ?? ''}" is not one of the application's allowed callback URLs (${client.redirectUris.join(', ')}). Add it in Kinde: Settings → Applications → ${client.name} → Allowed callback URLs.`),
          400,
        );
      }
      const state = q('state');
      const fail = (error: string, description: string) => back(c, redirectUri, state, { error, error_description: description });
      if (q('response_type') !== 'code') return fail('unsupported_response_type', 'Only response_type=code is supported.');
      const scope = (q('scope') ?? '').split(/\s+/).filter(Boolean);
      if (!scope.includes('openid')) return fail('invalid_scope', 'The scope must include openid.');
      if (!state || state.length < 8) return fail('invalid_request', 'The state parameter is required (at least 8 characters).');
      const challenge = q('code_challenge');
      if (!challenge) return fail('invalid_request', 'PKCE is required: send code_challenge and code_challenge_method=S256.');
      if (q('code_challenge_method') !== 'S256') return fail('invalid_request', 'The code_challenge_method must be S256.');
      if (!/^[A-Za-z0-9_-]{43}$/.test(challenge)) return fail('invalid_request', 'The code_challenge must be a base64url SHA-256 (43 characters).');
      const request: Omit<PendingAuthorization, 'expiresAt'> = {
        clientId: client.clientId,
        redirectUri,
        scope,
        state,
        nonce: q('nonce'),
        codeChallenge: challenge,
        loginHint: q('login_hint'),
      };
      const requestId = oidc.addPending(request);
      return html(c, signInPage({ requestId, appName: client.name, users: ctx.store.data.users.slice(0, LISTED_USERS), loginHint: request.loginHint }));
    })
    .post('/oauth2/auth/sign-in', async (c) => {
      const form = new URLSearchParams(await c.req.text());
      const request = oidc.takePending(form.get('request_id') ?? '');
      if (!request) {
        return html(c, errorPage('This sign-in has expired', 'Go back to the application and start signing in again.'), 400);
      }
      if (form.get('action') === 'deny') return back(c, request.redirectUri, request.state, { error: 'access_denied', error_description: 'The user cancelled the sign-in.' });
      const users = ctx.store.data.users;
      let user: UserRecord | undefined;
      const userId = form.get('user_id');
      if (userId) user = users.find((u) => u.id === userId);
      else {
        const email = (form.get('email') ?? '').trim().toLowerCase();
        if (!EMAIL.test(email)) {
          const requestId = oidc.addPending(request);
          return html(c, signInPage({ requestId, appName: oidc.webClient.name, users: users.slice(0, LISTED_USERS), loginHint: email, error: 'Enter an email address, or pick a user above.' }), 400);
        }
        user = users.find((u) => u.email?.toLowerCase() === email);
        if (!user) {
          const { id } = createUser(ctx.store, { profile: nameFromEmail(email), identities: [{ type: 'email', details: { email } }] });
          user = users.find((u) => u.id === id);
        }
      }
      if (!user) return back(c, request.redirectUri, request.state, { error: 'access_denied', error_description: 'That user no longer exists.' });
      if (user.is_suspended) return back(c, request.redirectUri, request.state, { error: 'access_denied', error_description: 'This user is suspended.' });
      user.total_sign_ins += 1;
      user.last_signed_in = ctx.store.now();
      const code = oidc.issueCode({
        clientId: request.clientId,
        redirectUri: request.redirectUri,
        scope: request.scope,
        nonce: request.nonce,
        codeChallenge: request.codeChallenge,
        userId: user.id,
        authTime: Math.floor(Date.now() / 1000),
      });
      return back(c, request.redirectUri, request.state, { code, scope: request.scope.join(' ') });
    });
}
