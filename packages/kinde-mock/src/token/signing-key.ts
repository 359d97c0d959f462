import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';

/** The sandbox's RS256 key pair and its public JWK. */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  jwk: Record<string, string>;
}

/** Generates a fresh key at start, synchronously so the app can be built without awaiting. */
export function createSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const exported = publicKey.export({ format: 'jwk' }) as Record<string, string>;
  // Kinde's kids are opaque strings; a hash of the modulus keeps them stable per key.
  const kid = createHash('sha256').update(exported.n ?? '').digest('base64url').slice(0, 16);
  const jwk = { ...exported, kid, alg: 'RS256', use: 'sig' };
  return { kid, privateKey, publicKey, jwk };
}
