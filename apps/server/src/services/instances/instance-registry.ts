import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { DataLayer } from '../storage/index.ts';

export interface InstanceOptions {
  /** An instance whose heartbeat is older than this has stopped (default 20 s). */
  timeoutMs?: number;
  /** How often this instance beats (default a quarter of the timeout). */
  heartbeatMs?: number;
  /** The clock (tests). */
  now?: () => number;
  logger?: { warn(obj: object, msg: string): void };
}

/**
 * This server among the others on the same database: an id, a heartbeat in `instances` refreshed
 * every few seconds, and which other instances are alive. Instance clocks are compared, so they
 * must agree to well within the timeout (NTP). The only file that knows the `instances` table.
 */
export async function registerInstance(data: DataLayer, opts: InstanceOptions = {}) {
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const heartbeatMs = opts.heartbeatMs ?? Math.max(250, Math.floor(timeoutMs / 4));
  const now = opts.now ?? Date.now;
  const id = randomUUID();
  const label = `${hostname()}:${process.pid}`;
  const startedAt = new Date(now()).toISOString();
  const listeners = new Set<() => Promise<void> | void>();
  let timer: NodeJS.Timeout | undefined;
  let beating: Promise<void> | undefined;
  let closed = false;

  const insert = () => data.db.insertInto('instances').values({ id, label, started_at: startedAt, heartbeat_at: now() }).execute();
  await insert();

  async function beat(): Promise<void> {
    const r = await data.db.updateTable('instances').set({ heartbeat_at: now() }).where('id', '=', id).executeTakeFirst();
    // Taken for stopped (a pause longer than the timeout) and removed: present again.
    if (Number(r.numUpdatedRows) === 0 && !closed) await insert();
  }

  async function tick(): Promise<void> {
    try {
      await beat();
      for (const l of listeners) await l();
    } catch (err) {
      opts.logger?.warn({ err: (err as Error).message }, 'instance heartbeat failed; retrying');
    }
  }

  return {
    id,
    label,
    timeoutMs,
    /** Heartbeats older than this (epoch ms) belong to stopped instances. */
    staleBefore: () => now() - timeoutMs,
    /** Beats every `heartbeatMs` and then calls each `onBeat` listener (sweeps of other instances' leftovers). */
    start(): void {
      if (timer || closed) return;
      timer = setInterval(() => {
        beating ??= tick().finally(() => (beating = undefined));
      }, heartbeatMs);
      timer.unref();
    },
    /** Called after every heartbeat (and once now); errors are logged, the next beat retries. */
    onBeat(listener: () => Promise<void> | void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Beats once now and runs the listeners (tests; start-up). */
    tick,
    /** How many other instances are alive (their heartbeat is fresh). */
    async othersAlive(): Promise<number> {
      const row = await data.db
        .selectFrom('instances')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('id', '!=', id)
        .where('heartbeat_at', '>=', now() - timeoutMs)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    /** Forgets instances stopped long ago (after their runs were swept). */
    async forgetStopped(): Promise<void> {
      await data.db.deleteFrom('instances').where('id', '!=', id).where('heartbeat_at', '<', now() - 10 * timeoutMs).execute();
    },
    /** Stops beating and leaves the table (a clean shutdown: others need not wait for the timeout). */
    async close(): Promise<void> {
      closed = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await beating;
      await data.db.deleteFrom('instances').where('id', '=', id).execute();
    },
  };
}
export type Instance = Awaited<ReturnType<typeof registerInstance>>;
