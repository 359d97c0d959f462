import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import type { SecretRegistry } from './secret-registry.ts';

// Format: "v1.<iv>.<tag>.<ciphertext>", each part base64url. The version prefix lets a later
// release change algorithm or key without guessing what an old row holds.
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
// A fixed salt is fine here: it only separates this use of the passphrase from any other.
const SCRYPT_SALT = 'kinde-api-explorer/vault/v1';

/** A decryption failure: wrong key, tampered data, or an unknown format. */
export class VaultError extends Error {
  override name = 'VaultError';
}

/** AES-256-GCM encryption of secret values at rest. */
export interface Vault {
  /** Encrypts; `context` (e.g. environment id + key) must be given again to decrypt. */
  encrypt(plaintext: string, context?: string): string;
  /** Decrypts or throws `VaultError` with a message saying what is wrong. */
  decrypt(sealed: string, context?: string): string;
}

/** Derives the 32-byte key from an `EXPLORER_SECRET_KEY` passphrase. */
export function deriveKey(passphrase: string): Buffer {
  return scryptSync(passphrase, SCRYPT_SALT, KEY_BYTES, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
}

/** Builds a vault over a 32-byte key; every plaintext it sees is added to `secrets` for log scrubbing. */
export function createVault(key: Buffer, secrets?: SecretRegistry): Vault {
  if (key.length !== KEY_BYTES) throw new VaultError(`vault key must be ${KEY_BYTES} bytes, got ${key.length}`);
  return {
    encrypt(plaintext, context = '') {
      secrets?.add(plaintext);
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv.toString('base64url'), tag.toString('base64url'), ct.toString('base64url')].join('.');
    },
    decrypt(sealed, context = '') {
      const parts = sealed.split('.');
      if (parts.length !== 4 || parts[0] !== VERSION) {
        throw new VaultError(`unknown secret format (expected "${VERSION}.…"); the value was not written by this vault`);
      }
      const [, ivText, tagText, ctText] = parts as [string, string, string, string];
      const iv = Buffer.from(ivText, 'base64url');
      const tag = Buffer.from(tagText, 'base64url');
      if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new VaultError('malformed secret value');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv);
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(tag);
        const plain = Buffer.concat([decipher.update(Buffer.from(ctText, 'base64url')), decipher.final()]).toString('utf8');
        secrets?.add(plain);
        return plain;
      } catch {
        throw new VaultError(
          'a stored secret cannot be decrypted: the vault key differs from the one that encrypted it ' +
            '(EXPLORER_SECRET_KEY or DATA_DIR/secret.key changed), or the value was altered',
        );
      }
    },
  };
}
