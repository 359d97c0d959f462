import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.ts';

describe('RateLimiter', () => {
  it('allows the limit per window and key, then says how long to wait', () => {
    let now = 1_000_000;
    const rl = new RateLimiter({ limit: 5, windowMs: 60_000, now: () => now });
    for (let i = 0; i < 5; i++) expect(rl.take('1.2.3.4')).toEqual({ ok: true });
    expect(rl.take('1.2.3.4')).toEqual({ ok: false, retryAfterSeconds: 60 });
    // Another address has its own budget.
    expect(rl.take('5.6.7.8')).toEqual({ ok: true });
    now += 45_000;
    expect(rl.take('1.2.3.4')).toEqual({ ok: false, retryAfterSeconds: 15 });
    now += 15_000;
    expect(rl.take('1.2.3.4')).toEqual({ ok: true });
  });

  it('gives back a refunded attempt', () => {
    const rl = new RateLimiter({ limit: 1, windowMs: 60_000 });
    expect(rl.take('a').ok).toBe(true);
    rl.refund('a');
    expect(rl.take('a').ok).toBe(true);
    expect(rl.take('a').ok).toBe(false);
  });

  it('keeps at most maxKeys addresses in memory', () => {
    const rl = new RateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 100 });
    for (let i = 0; i < 1000; i++) rl.take(`10.0.${i >> 8}.${i & 255}`);
    expect((rl as unknown as { windows: Map<string, unknown> }).windows.size).toBeLessThanOrEqual(100);
  });
});
