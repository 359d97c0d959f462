import type { MiddlewareHandler } from 'hono';
import { errors as joseErrors, jwtVerify } from 'jose';
import type { AppEnv, SandboxContext } from '../context.ts';
import { originOf } from '../context.ts';
import { errorBody } from '../errors.ts';

function unauthorized(code: string, message: string, detail: string) {
  return new Response(JSON.stringify(errorBody(code, message)), {
    status: 401,
    headers: {
      'content-type': 'application/json',
      'www-authenticate': `Bearer realm="kinde", error="invalid_token", error_description="${detail}"`,
    },
  });
}

function describe(err: unknown, origin: string): string {
  if (err instanceof joseErrors.JWTExpired) return 'The access token has expired.';
  if (err instanceof joseErrors.JWTClaimValidationFailed) {
    if (err.claim === 'aud') return `The access token audience is not ${origin}/api.`;
    if (err.claim === 'iss') return `The access token was not issued by ${origin}.`;
    return `The access token claim "${err.claim}" is invalid.`;
  }
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) return 'The access token signature is invalid.';
  return 'The access token is malformed or invalid.';
}

/**
 * Requires a valid sandbox-issued bearer token. `isPublic` exempts operations Kinde documents as
 * needing no authentication (API key verification).
 */
export function bearerAuth(ctx: SandboxContext, isPublic: (method: string, path: string) => boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (isPublic(c.req.method, c.req.path)) return next();
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m) {
      const detail = header ? 'Authorization header is not a Bearer token.' : 'Authorization header is missing.';
      return unauthorized('UNAUTHORIZED', `Unauthorized - ${detail} Send Authorization: Bearer <access_token>.`, detail);
    }
    const origin = originOf(c.req.url);
    try {
      const { payload } = await jwtVerify(m[1]!, ctx.key.publicKey, {
        algorithms: ['RS256'],
        issuer: origin,
        audience: `${origin}/api`,
      });
      const scope = typeof payload.scope === 'string' ? payload.scope : '';
      c.set('scopes', new Set(scope.split(' ').filter(Boolean)));
      c.set('clientId', String(payload.azp ?? ''));
    } catch (err) {
      const detail = describe(err, origin);
      return unauthorized('TOKEN_INVALID', `Invalid token - ${detail}`, detail);
    }
    return next();
  };
}
