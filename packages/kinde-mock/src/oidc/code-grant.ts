import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import type { AppEnv, SandboxContext } from '../context.ts';
import { originOf } from '../context.ts';
import { clientCredentials, oauthError } from '../token/token-route.ts';
import { issueIdToken, issueUserAccessToken, USER_TOKEN_TTL_SECONDS } from './user-tokens.ts';

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
const s256 = (verifier: string) => createHash('sha256').update(verifier, 'ascii').digest('base64url');

/**
 * `grant_type=authorization_code` on `/oauth2/token`: the web client authenticates (Basic or form
 * fields), the code is spent on first use, must be unexpired, issued to this client for this
 * redirect_uri, and the code_verifier must hash (S256) to the challenge of the authorize request.
 * Answers an access token and an ID token as Kinde does.
 */
export async function authorizationCodeGrant(c: Context<AppEnv>, ctx: SandboxContext, form: URLSearchParams) {
  const client = ctx.oidc.webClient;
  const presented = clientCredentials(c.req.header('authorization'), form);
  if (presented.id !== client.clientId || !sameText(presented.secret, client.clientSecret)) {
    return oauthError(c, 401, 'invalid_client', 'Client authentication failed (e.g., unknown client, no client authentication included, or unsupported authentication method).');
  }
  const code = form.get('code');
  if (!code) return oauthError(c, 400, 'invalid_request', 'The request is missing a required parameter: code.');
  const spent = ctx.oidc.spendCode(code);
  if (!spent) return oauthError(c, 400, 'invalid_grant', 'The authorization code is invalid, was already used, or was issued to another client.');
  const { grant, expired } = spent;
  if (expired) return oauthError(c, 400, 'invalid_grant', 'The authorization code has expired; start signing in again.');
  if (grant.clientId !== presented.id) return oauthError(c, 400, 'invalid_grant', 'The authorization code was issued to another client.');
  if (form.get('redirect_uri') !== grant.redirectUri) {
    return oauthError(c, 400, 'invalid_grant', 'The redirect_uri does not match the one of the authorization request.');
  }
  const verifier = form.get('code_verifier');
  if (!verifier) return oauthError(c, 400, 'invalid_request', 'The request is missing a required parameter: code_verifier (PKCE).');
  if (!sameText(s256(verifier), grant.codeChallenge)) {
    return oauthError(c, 400, 'invalid_grant', 'The code_verifier does not match the code_challenge of the authorization request.');
  }
  const user = ctx.store.data.users.find((u) => u.id === grant.userId);
  if (!user) return oauthError(c, 400, 'invalid_grant', 'The user of this authorization code no longer exists.');

  const input = { origin: originOf(c.req.url), clientId: client.clientId, user, data: ctx.store.data, scope: grant.scope, nonce: grant.nonce, authTime: grant.authTime };
  const accessToken = await issueUserAccessToken(ctx.key, input);
  const idToken = await issueIdToken(ctx.key, { ...input, accessToken });
  c.header('Cache-Control', 'no-store');
  c.header('Pragma', 'no-cache');
  return c.json({ access_token: accessToken, expires_in: USER_TOKEN_TTL_SECONDS, id_token: idToken, scope: grant.scope.join(' '), token_type: 'bearer' });
}
