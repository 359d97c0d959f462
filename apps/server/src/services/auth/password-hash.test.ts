import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, hashPassword, hashPasswordSync, verifyPassword, verifyPasswordSync } from './password-hash.ts';

const cheap = { N: 1024, r: 8, p: 1 };

describe('password hashing', () => {
  it('uses scrypt at N=2^15 by default and never stores the password', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(hash).not.toContain('correct horse');
    expect(DEFAULT_SCRYPT.N).toBeGreaterThanOrEqual(2 ** 15);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
  });

  it('refuses a wrong password, one differing in a single character, and an empty one', async () => {
    const hash = await hashPassword('correct horse battery', cheap);
    for (const wrong of ['correct horse batterY', 'correct horse battery ', '', 'x']) {
      expect(await verifyPassword(wrong, hash)).toBe(false);
    }
  });

  it('salts every hash, so equal passwords give different hashes', async () => {
    const a = await hashPassword('same password', cheap);
    const b = await hashPassword('same password', cheap);
    expect(a).not.toBe(b);
  });

  it('agrees between the sync (startup) and async (sign-in) versions', async () => {
    const hash = hashPasswordSync('startup password', cheap);
    expect(await verifyPassword('startup password', hash)).toBe(true);
    expect(verifyPasswordSync('startup password', await hashPassword('startup password', cheap))).toBe(true);
    expect(verifyPasswordSync('other', hash)).toBe(false);
  });

  it('treats a malformed or absurdly expensive stored hash as no match instead of throwing', async () => {
    for (const bad of ['', 'plain', 'scrypt$1$2$3', 'bcrypt$1$1$1$aa$bb', 'scrypt$1048576000$8$1$AAAA$AAAA', 'scrypt$1024$8$1$AAAA$short']) {
      expect(await verifyPassword('x', bad)).toBe(false);
      expect(verifyPasswordSync('x', bad)).toBe(false);
    }
  });
});
