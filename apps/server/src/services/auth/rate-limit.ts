/**
 * A fixed-window counter per key (client IP for sign-in attempts). Memory is bounded: expired
 * windows are dropped as new ones arrive, and at most `maxKeys` are tracked.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly opts: { limit: number; windowMs: number; maxKeys?: number; now?: () => number },
  ) {}

  private now(): number {
    return this.opts.now?.() ?? Date.now();
  }

  /** Counts one attempt; `ok: false` with the seconds to wait once the window's limit is used up. */
  take(key: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const now = this.now();
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      this.prune(now);
      w = { count: 0, resetAt: now + this.opts.windowMs };
      this.windows.set(key, w);
    }
    if (w.count >= this.opts.limit) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((w.resetAt - now) / 1000)) };
    w.count += 1;
    return { ok: true };
  }

  /** Gives an attempt back (a successful sign-in should not count against the person). */
  refund(key: string): void {
    const w = this.windows.get(key);
    if (w && w.count > 0) w.count -= 1;
  }

  private prune(now: number): void {
    for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
    const max = this.opts.maxKeys ?? 10_000;
    // Still full of live windows (many addresses): forget the oldest rather than grow without bound.
    while (this.windows.size >= max) this.windows.delete(this.windows.keys().next().value!);
  }
}
