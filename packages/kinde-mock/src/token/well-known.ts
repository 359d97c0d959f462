import { Hono } from 'hono';
import type { AppEnv, SandboxContext } from '../context.ts';
import { originOf } from '../context.ts';

/** JWKS and a minimal OpenID configuration, so clients can verify sandbox tokens. */
export function wellKnownRoutes(ctx: SandboxContext) {
  return new Hono<AppEnv>()
    .get('/.well-known/jwks.json', (c) => c.json({ keys: [ctx.key.jwk] }))
    .get('/.well-known/openid-configuration', (c) => {
      const origin = originOf(c.req.url);
      return c.json({
        issuer: origin,
        token_endpoint: `${origin}/oauth2/token`,
        jwks_uri: `${origin}/.well-known/jwks.json`,
        grant_types_supported: ['client_credentials'],
        token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
        id_token_signing_alg_values_supported: ['RS256'],
        scopes_supported: ctx.grantedScopes,
      });
    });
}
