import { createHash } from 'node:crypto';
import type { DataLayer } from '../storage/index.ts';

/** A fixed window: at most `limit` attempts per `windowMs` for each subject. `name` keeps rules apart. */
export interface LimitRule {
  name: string;
  limit: number;
  windowMs: number;
}

/** One rule applied to one subject (an address, an email, or both joined). */
export interface LimitCheck {
  rule: LimitRule;
  subject: string;
}

/** The windows an allowed attempt was counted in, to give it back with `refund`. */
export type LimitTicket = readonly { key: string; resetAt: number }[];

export type TakeResult = { ok: true; ticket: LimitTicket } | { ok: false; retryAfterSeconds: number; rule: string };

export interface RateLimiter {
  /** Counts one attempt against every check, or none of them if any is used up (then: how long to wait). */
  take(checks: readonly LimitCheck[]): Promise<TakeResult>;
  /** Gives an attempt back (a successful sign-in should not count against the person). */
  refund(ticket: LimitTicket): Promise<void>;
  /** Deletes expired windows; `take` calls it at most once per `pruneEveryMs` on each instance. */
  prune(): Promise<number>;
}

/** The stored key: the rule's name and a SHA-256 of the subject, so no typed email is kept here. */
const keyOf = (c: LimitCheck) => `${c.rule.name}:${createHash('sha256').update(c.subject, 'utf8').digest('base64url')}`;

/**
 * Fixed-window counters in the database (`rate_limits`), so a limit holds across every instance
 * on it. Each count is one atomic upsert (INSERT … ON CONFLICT DO UPDATE … RETURNING, on both
 * engines): parallel attempts on any instances each see a distinct count, and an attempt over
 * the limit is taken back at once, so a refused attempt never uses up the budget of another
 * window or check.
 */
export function createRateLimiter(data: DataLayer, opts: { now?: () => number; pruneEveryMs?: number } = {}): RateLimiter {
  const { db } = data;
  const now = () => opts.now?.() ?? Date.now();
  const pruneEveryMs = opts.pruneEveryMs ?? 60_000;
  let prunedAt = -Infinity;

  const hit = async (key: string, windowMs: number, at: number) => {
    return db
      .insertInto('rate_limits')
      .values({ key, count: 1, reset_at: at + windowMs })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({
          count: eb.case().when('rate_limits.reset_at', '<=', at).then(1).else(eb('rate_limits.count', '+', 1)).end(),
          reset_at: eb.case().when('rate_limits.reset_at', '<=', at).then(at + windowMs).else(eb.ref('rate_limits.reset_at')).end(),
        })),
      )
      .returning(['count', 'reset_at'])
      .executeTakeFirstOrThrow();
  };

  const giveBack = async (key: string, resetAt: number) => {
    // Only in the window it was counted in: after a roll-over the new window owes it nothing.
    await db
      .updateTable('rate_limits')
      .set((eb) => ({ count: eb('count', '-', 1) }))
      .where('key', '=', key)
      .where('reset_at', '=', resetAt)
      .where('count', '>', 0)
      .execute();
  };

  const prune = async () => {
    prunedAt = now();
    const result = await db.deleteFrom('rate_limits').where('reset_at', '<=', prunedAt).executeTakeFirst();
    return Number(result.numDeletedRows);
  };

  const refund = async (ticket: LimitTicket) => {
    for (const t of ticket) await giveBack(t.key, t.resetAt);
  };

  return {
    async take(checks) {
      const at = now();
      if (at - prunedAt >= pruneEveryMs) await prune();
      const ticket: { key: string; resetAt: number }[] = [];
      for (const check of checks) {
        const key = keyOf(check);
        const row = await hit(key, check.rule.windowMs, at);
        const resetAt = Number(row.reset_at);
        if (Number(row.count) > check.rule.limit) {
          await giveBack(key, resetAt);
          await refund(ticket);
          return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((resetAt - at) / 1000)), rule: check.rule.name };
        }
        ticket.push({ key, resetAt });
      }
      return { ok: true, ticket };
    },
    refund,
    prune,
  };
}
