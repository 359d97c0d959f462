import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { SigningKey } from './signing-key.ts';

export interface TokenClaimsInput {
  origin: string;
  clientId: string;
  scopes: string[];
  expiresInSeconds: number;
}

/** Signs an M2M access token with the claims Kinde puts in its client_credentials tokens. */
export async function issueAccessToken(key: SigningKey, input: TokenClaimsInput): Promise<string> {
  const iat = Math.floor(Date.now() / 1000);
  return new SignJWT({
    aud: [`${input.origin}/api`],
    azp: input.clientId,
    gty: ['client_credentials'],
    scope: input.scopes.join(' '),
    v: '2',
  })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
    .setIssuer(input.origin)
    .setIssuedAt(iat)
    .setExpirationTime(iat + input.expiresInSeconds)
    .setJti(randomUUID())
    .sign(key.privateKey);
}
