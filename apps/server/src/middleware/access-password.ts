import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { basicAuth } from 'hono/basic-auth';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * When `EXPLORER_ACCESS_PASSWORD` is set, every request needs HTTP Basic auth with that password
 * (any user name): browsers prompt once and resend it, curl uses `-u :password`.
 */
export function accessPassword(password: string): MiddlewareHandler {
  const expected = digest(password);
  return basicAuth({
    realm: 'Kinde API Explorer',
    // Hashing first makes the comparison constant-time whatever the lengths.
    verifyUser: (_user, given) => timingSafeEqual(digest(given), expected),
  });
}
