import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SecretRegistry } from './secret-registry.ts';
import { createVault, deriveKey, VaultError } from './vault.ts';

describe('vault', () => {
  const vault = createVault(randomBytes(32));

  it('round-trips any text, including unicode and empty strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string(), (plain, ctx) => {
        expect(vault.decrypt(vault.encrypt(plain, ctx), ctx)).toBe(plain);
      }),
      { numRuns: 200 },
    );
  });

  it('uses a fresh IV per value, so equal secrets look different at rest', () => {
    const a = vault.encrypt('same secret');
    const b = vault.encrypt('same secret');
    expect(a).not.toBe(b);
    expect(a.startsWith('v1.')).toBe(true);
    expect(a).not.toContain('same secret');
  });

  it('detects tampering with the ciphertext, tag or IV', () => {
    const sealed = vault.encrypt('client-secret-value');
    const parts = sealed.split('.');
    for (const i of [1, 2, 3]) {
      const bytes = Buffer.from(parts[i]!, 'base64url');
      bytes[0] = bytes[0]! ^ 1;
      const tampered = parts.map((p, j) => (j === i ? bytes.toString('base64url') : p)).join('.');
      expect(() => vault.decrypt(tampered)).toThrow(VaultError);
    }
  });

  it('refuses a value sealed for another context (e.g. moved to another variable)', () => {
    const sealed = vault.encrypt('s3cret', 'env1/client_secret');
    expect(() => vault.decrypt(sealed, 'env2/client_secret')).toThrow(VaultError);
  });

  it('fails clearly with the wrong key', () => {
    const sealed = vault.encrypt('s3cret');
    const other = createVault(randomBytes(32));
    expect(() => other.decrypt(sealed)).toThrow(/vault key differs.*EXPLORER_SECRET_KEY/);
  });

  it('rejects values in an unknown format', () => {
    expect(() => vault.decrypt('plain text')).toThrow(/unknown secret format/);
  });

  it('derives the same key from the same passphrase and another from another', () => {
    const a = createVault(deriveKey('correct horse battery staple'));
    const b = createVault(deriveKey('correct horse battery staple'));
    const c = createVault(deriveKey('another passphrase entirely'));
    const sealed = a.encrypt('x');
    expect(b.decrypt(sealed)).toBe('x');
    expect(() => c.decrypt(sealed)).toThrow(VaultError);
  });

  it('registers plaintexts it handles so the logger can scrub them', () => {
    const secrets = new SecretRegistry();
    const v = createVault(randomBytes(32), secrets);
    v.encrypt('registered-secret');
    expect(secrets.scrub('token=registered-secret;')).toBe('token=[REDACTED];');
  });
});
