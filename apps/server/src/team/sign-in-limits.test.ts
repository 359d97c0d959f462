import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/create-test-app.ts';

const scryptCost = { N: 1024, r: 8, p: 1 };
const OWNER = { email: 'olive@example.com', password: 'owner-password-1' };
const env = { EXPLORER_OWNER_EMAIL: OWNER.email, EXPLORER_OWNER_PASSWORD: OWNER.password };

// Two explorer instances on one PostgreSQL schema, as behind a balancer: the sign-in limits are
// counted in the database, so spreading guesses over instances buys nothing.
describe('sign-in limits across two instances on one PostgreSQL database', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await createTestApp({ engine: 'postgres', env, auth: { scryptCost } });
    b = await createTestApp({ sameDatabaseAs: a, env, auth: { scryptCost } });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const signIn = (t: TestApp, password: string) => t.request('/api/auth/sign-in', { method: 'POST', json: { email: OWNER.email, password } });

  it('allows five attempts in all, not five per instance, even when they arrive at once', async () => {
    const guesses = await Promise.all(Array.from({ length: 12 }, (_, i) => signIn(i % 2 === 0 ? a : b, `guess-${i}-xxxx`)));
    const statuses = guesses.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(5).fill(401), ...Array(7).fill(429)]);
    // The right password now waits too, on either instance.
    for (const t of [a, b]) {
      const res = await signIn(t, OWNER.password);
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });
});
