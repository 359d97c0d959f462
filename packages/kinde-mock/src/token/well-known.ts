import { Hono } from 'hono';
import type { AppEnv, SandboxContext } from '../context.ts';
import { originOf } from '../context.ts';

/**
 * JWKS and the OpenID configuration as a Kinde business domain serves them: the issuer is the
 * domain itself, sign-in at /oauth2/auth, the user profile (v2) is the userinfo endpoint.
 */
export function wellKnownRoutes(ctx: SandboxContext) {
  const jwks = () => ({ keys: [ctx.key.jwk] });
  return new Hono<AppEnv>()
    // Kinde's path is /.well-known/jwks; /.well-known/jwks.json is kept for earlier callers.
    .get('/.well-known/jwks', (c) => c.json(jwks()))
    .get('/.well-known/jwks.json', (c) => c.json(jwks()))
    .get('/.well-known/openid-configuration', (c) => {
      const origin = originOf(c.req.url);
      return c.json({
        issuer: origin,
        authorization_endpoint: `${origin}/oauth2/auth`,
        token_endpoint: `${origin}/oauth2/token`,
        userinfo_endpoint: `${origin}/oauth2/v2/user_profile`,
        jwks_uri: `${origin}/.well-known/jwks`,
        response_types_supported: ['code'],
        response_modes_supported: ['query'],
        grant_types_supported: ['authorization_code', 'client_credentials'],
        subject_types_supported: ['public'],
        token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        scopes_supported: ['openid', 'profile', 'email'],
        claims_supported: ['aud', 'auth_time', 'azp', 'email', 'email_verified', 'exp', 'family_name', 'given_name', 'iat', 'iss', 'name', 'nonce', 'org_codes', 'picture', 'sub'],
      });
    });
}
