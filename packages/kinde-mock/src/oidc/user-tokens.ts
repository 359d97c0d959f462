import { createHash, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { SandboxData, UserRecord } from '../store/types.ts';
import type { SigningKey } from '../token/signing-key.ts';

/** Kinde's defaults: user access and ID tokens live for an hour. */
export const USER_TOKEN_TTL_SECONDS = 3600;

export interface UserTokenInput {
  origin: string;
  clientId: string;
  user: UserRecord;
  data: SandboxData;
  scope: string[];
  nonce: string | null;
  authTime: number;
}

const orgCodes = (data: SandboxData, userId: string) => data.memberships.filter((m) => m.user_id === userId).map((m) => m.org_code);
const fullName = (u: UserRecord) => [u.first_name, u.last_name].filter(Boolean).join(' ');

/** OIDC `at_hash`: the left half of the SHA-256 of the access token, base64url (RS256). */
function atHash(accessToken: string): string {
  const digest = createHash('sha256').update(accessToken, 'ascii').digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}

/** The access token a signed-in user gets, with the claims Kinde puts in it (no API audience requested). */
export async function issueUserAccessToken(key: SigningKey, input: UserTokenInput): Promise<string> {
  const iat = Math.floor(Date.now() / 1000);
  const orgs = orgCodes(input.data, input.user.id);
  return new SignJWT({ aud: [], azp: input.clientId, scp: input.scope, ...(orgs[0] ? { org_code: orgs[0] } : {}), permissions: [], v: '2' })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
    .setIssuer(input.origin)
    .setSubject(input.user.id)
    .setIssuedAt(iat)
    .setExpirationTime(iat + USER_TOKEN_TTL_SECONDS)
    .setJti(randomUUID())
    .sign(key.privateKey);
}

/** The ID token, shaped like Kinde's: `aud` is the client id, `sub` the kp_ user id, `email` verified. */
export async function issueIdToken(key: SigningKey, input: UserTokenInput & { accessToken: string }): Promise<string> {
  const iat = Math.floor(Date.now() / 1000);
  const { user } = input;
  const profile = input.scope.includes('profile')
    ? { name: fullName(user), given_name: user.first_name, family_name: user.last_name, picture: user.picture, updated_at: iat }
    : {};
  const email = input.scope.includes('email') && user.email ? { email: user.email, email_verified: true } : {};
  return new SignJWT({
    at_hash: atHash(input.accessToken),
    aud: [input.clientId],
    auth_time: input.authTime,
    azp: input.clientId,
    ...email,
    ...profile,
    ...(input.nonce ? { nonce: input.nonce } : {}),
    org_codes: orgCodes(input.data, user.id),
  })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
    .setIssuer(input.origin)
    .setSubject(user.id)
    .setIssuedAt(iat)
    .setExpirationTime(iat + USER_TOKEN_TTL_SECONDS)
    .setJti(randomUUID())
    .sign(key.privateKey);
}
