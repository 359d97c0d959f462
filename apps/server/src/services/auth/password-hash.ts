import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost: N = 2^15, r = 8, p = 1 (about 32 MB and tens of ms per hash), OWASP's floor for scrypt. */
export const DEFAULT_SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const;
export type ScryptCost = { N: number; r: number; p: number };

const KEY_LENGTH = 32;

// maxmem must exceed 128 * N * r or node refuses; leave headroom.
const options = (cost: ScryptCost): ScryptOptions => ({ ...cost, maxmem: 256 * cost.N * cost.r });

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options(cost), (err, key) => (err ? reject(err) : resolve(key))),
  );
}

const encode = (cost: ScryptCost, salt: Buffer, key: Buffer) =>
  ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');

function decode(encoded: string): { cost: ScryptCost; salt: Buffer; expected: Buffer } | null {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 2 ** 20 || r > 32 || p > 16) return null;
  const expected = Buffer.from(parts[5]!, 'base64url');
  if (expected.length !== KEY_LENGTH) return null;
  return { cost: { N, r, p }, salt: Buffer.from(parts[4]!, 'base64url'), expected };
}

/** `scrypt$N$r$p$<salt b64url>$<hash b64url>`: self-describing, so the cost can rise later. */
export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(16);
  return encode(cost, salt, await derive(password, salt, cost));
}

/** Synchronous `hashPassword`, for startup only (it blocks the event loop for the hash's duration). */
export function hashPasswordSync(password: string, cost: ScryptCost = DEFAULT_SCRYPT): string {
  const salt = randomBytes(16);
  return encode(cost, salt, scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, options(cost)));
}

/** Whether `password` matches an encoded hash; constant-time in the comparison, false for a malformed hash. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const d = decode(encoded);
  if (!d) return false;
  return timingSafeEqual(await derive(password, d.salt, d.cost), d.expected);
}

/** Synchronous `verifyPassword`, for startup only. */
export function verifyPasswordSync(password: string, encoded: string): boolean {
  const d = decode(encoded);
  if (!d) return false;
  return timingSafeEqual(scryptSync(password.normalize('NFC'), d.salt, KEY_LENGTH, options(d.cost)), d.expected);
}
