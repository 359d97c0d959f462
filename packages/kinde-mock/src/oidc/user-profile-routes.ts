import { Hono, type Context } from 'hono';
import { jwtVerify } from 'jose';
import type { AppEnv, SandboxContext } from '../context.ts';
import { originOf } from '../context.ts';
import type { UserRecord } from '../store/types.ts';

/** The signed-in user a bearer user access token (from the code grant) stands for, or null. */
async function userOf(c: Context<AppEnv>, ctx: SandboxContext): Promise<UserRecord | null> {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
  if (!m) return null;
  try {
    const { payload } = await jwtVerify(m[1]!, ctx.key.publicKey, { algorithms: ['RS256'], issuer: originOf(c.req.url) });
    if (!payload.sub || !Array.isArray(payload.scp)) return null; // an M2M token has no user
    return ctx.store.data.users.find((u) => u.id === payload.sub) ?? null;
  } catch {
    return null;
  }
}

const unauthorized = (c: Context) => {
  c.header('WWW-Authenticate', 'Bearer realm="kinde", error="invalid_token"');
  return c.json({ error: 'invalid_token', error_description: 'Send the access token of a signed-in user: Authorization: Bearer <access_token>.' }, 401);
};

/**
 * The user profile endpoints of Kinde's Frontend API: `/oauth2/v2/user_profile` (the OpenID
 * userinfo_endpoint, claims named as OIDC names them) and the older `/oauth2/user_profile`.
 */
export function userProfileRoutes(ctx: SandboxContext) {
  return new Hono<AppEnv>()
    .get('/oauth2/v2/user_profile', async (c) => {
      const u = await userOf(c, ctx);
      if (!u) return unauthorized(c);
      return c.json({
        id: u.id,
        sub: u.id,
        provided_id: u.provided_id,
        name: [u.first_name, u.last_name].filter(Boolean).join(' '),
        given_name: u.first_name,
        family_name: u.last_name,
        updated_at: Math.floor(Date.parse(u.created_on.replace(/000\+00:00$/, 'Z')) / 1000) || 0,
        email: u.email,
        email_verified: u.email !== null,
        picture: u.picture,
        preferred_username: u.username,
        phone_number: u.phone,
      });
    })
    .get('/oauth2/user_profile', async (c) => {
      const u = await userOf(c, ctx);
      if (!u) return unauthorized(c);
      return c.json({ id: u.id, preferred_email: u.email, provided_id: u.provided_id, last_name: u.last_name, first_name: u.first_name, picture: u.picture });
    });
}
