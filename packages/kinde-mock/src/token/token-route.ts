import { Hono, type Context } from 'hono';
import type { AppEnv, SandboxContext } from '../context.ts';
import { originOf } from '../context.ts';
import { authorizationCodeGrant } from '../oidc/code-grant.ts';
import { issueAccessToken } from './issue-token.ts';

export type OAuthError = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type' | 'unauthorized_client' | 'invalid_scope';

export function oauthError(c: Context, status: 400 | 401, error: OAuthError, description: string) {
  c.header('Cache-Control', 'no-store');
  if (status === 401) c.header('WWW-Authenticate', 'Basic realm="oauth2"');
  return c.json({ error, error_description: description }, status);
}

/** Reads client credentials from HTTP Basic (preferred, per RFC 6749 §2.3.1) or form fields. */
export function clientCredentials(authorization: string | undefined, form: URLSearchParams) {
  const basic = /^Basic\s+(.+)$/i.exec(authorization ?? '');
  if (basic) {
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    const id = i < 0 ? decoded : decoded.slice(0, i);
    const secret = i < 0 ? '' : decoded.slice(i + 1);
    return { id: decodeURIComponent(id), secret: decodeURIComponent(secret) };
  }
  return { id: form.get('client_id') ?? '', secret: form.get('client_secret') ?? '' };
}

/**
 * `POST /oauth2/token`: Kinde's client_credentials exchange with its checks, in its order, and the
 * authorization_code grant of the sign-in flow (oidc/code-grant.ts).
 */
export function tokenRoutes(ctx: SandboxContext, onExchange: () => void) {
  return new Hono<AppEnv>().post('/oauth2/token', async (c) => {
    onExchange();
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/x-www-form-urlencoded\b/i.test(type)) {
      return oauthError(c, 400, 'invalid_request', 'The request must be sent with Content-Type application/x-www-form-urlencoded.');
    }
    const form = new URLSearchParams(await c.req.text());
    const grantType = form.get('grant_type');
    if (!grantType) {
      return oauthError(c, 400, 'invalid_request', 'The request is missing a required parameter: grant_type.');
    }
    if (grantType === 'authorization_code') return authorizationCodeGrant(c, ctx, form);
    if (grantType !== 'client_credentials') {
      return oauthError(c, 400, 'unsupported_grant_type', `The authorization grant type "${grantType}" is not supported; use client_credentials or authorization_code.`);
    }
    const client = clientCredentials(c.req.header('authorization'), form);
    if (client.id !== ctx.clientId || client.secret !== ctx.clientSecret) {
      return oauthError(c, 401, 'invalid_client', 'Client authentication failed (e.g., unknown client, no client authentication included, or unsupported authentication method).');
    }
    const origin = originOf(c.req.url);
    const expected = `${origin}/api`;
    const audience = form.get('audience');
    if (!audience) {
      return oauthError(c, 400, 'invalid_request', `The request is missing a required parameter: audience. To call the Kinde Management API use audience=${expected}.`);
    }
    if (audience.replace(/\/+$/, '') !== expected) {
      // Kinde answers unauthorized_client when the app is not authorized for the requested API.
      return oauthError(c, 400, 'unauthorized_client', `The client is not authorized to access the requested audience "${audience}". The Kinde Management API audience is ${expected}.`);
    }
    let scopes = ctx.grantedScopes;
    const requested = form.get('scope')?.split(/\s+/).filter(Boolean);
    if (requested?.length) {
      const unknown = requested.filter((s) => !ctx.grantedScopes.includes(s));
      if (unknown.length) {
        return oauthError(c, 400, 'invalid_scope', `The requested scope is invalid or not granted to this application: ${unknown.join(' ')}.`);
      }
      scopes = requested;
    }
    const token = await issueAccessToken(ctx.key, {
      origin,
      clientId: ctx.clientId,
      scopes,
      expiresInSeconds: ctx.tokenTtlSeconds,
    });
    c.header('Cache-Control', 'no-store');
    c.header('Pragma', 'no-cache');
    return c.json({ access_token: token, expires_in: ctx.tokenTtlSeconds, scope: scopes.join(' '), token_type: 'bearer' });
  });
}
