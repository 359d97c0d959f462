import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachEngine, openTestDatabase, type TestDatabase } from '../../testing/engines.ts';
import { createRateLimiter, type LimitCheck } from './rate-limit.ts';

const rule = { name: 'test', limit: 5, windowMs: 60_000 };
const on = (subject: string, r = rule): LimitCheck[] => [{ rule: r, subject }];

describeEachEngine('rate limiter', (engine) => {
  let t: TestDatabase;
  let now: number;
  beforeEach(async () => {
    t = await openTestDatabase(engine);
    now = 1_000_000;
  });
  afterEach(() => t.drop());
  const make = (data = t.data) => createRateLimiter(data, { now: () => now });

  it('allows the limit per window and subject, then says how long to wait', async () => {
    const rl = make();
    for (let i = 0; i < 5; i++) expect((await rl.take(on('1.2.3.4'))).ok).toBe(true);
    expect(await rl.take(on('1.2.3.4'))).toEqual({ ok: false, retryAfterSeconds: 60, rule: 'test' });
    expect((await rl.take(on('5.6.7.8'))).ok).toBe(true); // another subject has its own budget
    now += 45_000;
    expect(await rl.take(on('1.2.3.4'))).toMatchObject({ ok: false, retryAfterSeconds: 15 });
    now += 15_000;
    expect((await rl.take(on('1.2.3.4'))).ok).toBe(true); // a new window
  });

  it('gives back a refunded attempt, but only in the window it was counted in', async () => {
    const rl = make();
    const one = { ...rule, limit: 1 };
    const first = await rl.take(on('a', one));
    if (!first.ok) throw new Error('refused');
    await rl.refund(first.ticket);
    expect((await rl.take(on('a', one))).ok).toBe(true);
    expect((await rl.take(on('a', one))).ok).toBe(false);
    const stale = await rl.take(on('b', one));
    if (!stale.ok) throw new Error('refused');
    now += 60_000;
    expect((await rl.take(on('b', one))).ok).toBe(true);
    await rl.refund(stale.ticket); // from the window before: the new one keeps its count
    expect((await rl.take(on('b', one))).ok).toBe(false);
  });

  it('counts a burst of parallel attempts exactly: five allowed, the rest refused, none counted twice', async () => {
    const rl = make();
    const results = await Promise.all(Array.from({ length: 30 }, () => rl.take(on('burst'))));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    const row = await t.data.db.selectFrom('rate_limits').select('count').executeTakeFirstOrThrow();
    expect(Number(row.count)).toBe(5);
  });

  it('counts an attempt in every check or in none: a refused one leaves the others untouched', async () => {
    const rl = make();
    const tight = { name: 'tight', limit: 1, windowMs: 60_000 };
    const wide = { name: 'wide', limit: 3, windowMs: 60_000 };
    const both = (s: string): LimitCheck[] => [{ rule: tight, subject: s }, { rule: wide, subject: 'shared' }];
    expect((await rl.take(both('x'))).ok).toBe(true);
    for (let i = 0; i < 5; i++) expect(await rl.take(both('x'))).toMatchObject({ ok: false, rule: 'tight' });
    // The refused ones did not count in `wide`: two more subjects still get in.
    expect((await rl.take(both('y'))).ok).toBe(true);
    expect((await rl.take(both('z'))).ok).toBe(true);
    expect(await rl.take(both('w'))).toMatchObject({ ok: false, rule: 'wide' });
  });

  it('holds one limit for every instance on the database', async () => {
    const a = make();
    const b = make(await t.reopen());
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? a : b).take(on('10.0.0.1'))));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
  });

  it('stores no subject in the clear and prunes expired windows', async () => {
    const rl = createRateLimiter(t.data, { now: () => now, pruneEveryMs: 30_000 });
    await rl.take(on('someone@example.com'));
    await rl.take(on('other@example.com', { ...rule, name: 'long', windowMs: 3_600_000 }));
    const keys = (await t.data.db.selectFrom('rate_limits').select('key').execute()).map((r) => r.key);
    expect(keys).toHaveLength(2);
    expect(keys.join()).not.toContain('example.com');
    now += 60_000;
    await rl.take(on('third@example.com')); // prunes first: the expired window goes, the live ones stay
    expect(await t.data.db.selectFrom('rate_limits').select('key').execute()).toHaveLength(2);
    expect(await rl.prune()).toBe(0);
    now += 3_600_000;
    expect(await rl.prune()).toBe(2);
  });
});
