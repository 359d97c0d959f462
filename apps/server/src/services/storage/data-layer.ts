import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from './schema.ts';

export type Engine = 'sqlite' | 'postgres';
export type Db = Kysely<Schema>;
export type Trx = Transaction<Schema>;

/** A change a transaction announced: every instance's listeners see it once the transaction commits. */
export interface Change {
  channel: string;
  id: string;
}

export interface TransactionScope {
  /** Announces a change (e.g. `environments`, id) to this and every other instance, after commit. */
  notify(channel: string, id: string): void;
}

export interface TransactionOptions {
  /**
   * Answered only once the commit is on disk (the default). History batches pass false: on
   * SQLite they then commit with `synchronous = NORMAL` (survives a killed process, not power loss).
   */
  durable?: boolean;
}

/**
 * The one asynchronous data layer every service goes through: a Kysely instance over SQLite
 * (better-sqlite3) or PostgreSQL (pg), transactions, a lock shared by every instance, and change
 * notices between instances. Services never ask which engine runs: `engine` is for logs and tests.
 */
export interface DataLayer {
  readonly engine: Engine;
  readonly db: Db;
  transaction<T>(fn: (trx: Trx, scope: TransactionScope) => Promise<T>, opts?: TransactionOptions): Promise<T>;
  /** Runs `fn` while holding a named lock that every instance on this database respects. */
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /**
   * Sees every change committed on this instance and on every other. `null` means notices may
   * have been missed (the PostgreSQL listener reconnected): drop everything cached.
   */
  onChange(listener: (change: Change | null) => void): () => void;
  /** False while another instance's change could go unseen (listener down): don't trust caches then. */
  readonly changesLive: boolean;
  close(): Promise<void>;
}

/** What each engine supplies; `createDataLayer` adds the notices common to both. */
export interface EngineParts {
  engine: Engine;
  db: Db;
  /** Runs one transaction; `durable` as in `TransactionOptions`. */
  runTransaction<T>(fn: (trx: Trx) => Promise<T>, durable: boolean): Promise<T>;
  /** Sends the transaction's notices to the other instances (inside it, so they leave on commit). */
  publish?(trx: Trx, notices: readonly Change[], origin: string): Promise<void>;
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /** Starts delivering other instances' notices; `live` reports whether none can be missed now. */
  listen?(deliver: (change: Change | null, origin?: string) => void): { live(): boolean; close(): Promise<void> };
  close(): Promise<void>;
}

export function createDataLayer(parts: EngineParts): DataLayer {
  const origin = randomUUID();
  const listeners = new Set<(change: Change | null) => void>();
  const deliver = (change: Change | null) => {
    for (const l of listeners) l(change);
  };
  // Our own notices come back through the listener too; they were delivered at commit already.
  const listener = parts.listen?.((change, from) => {
    if (from !== origin) deliver(change);
  });

  return {
    engine: parts.engine,
    db: parts.db,
    async transaction(fn, opts = {}) {
      const notices: Change[] = [];
      const scope: TransactionScope = { notify: (channel, id) => void notices.push({ channel, id }) };
      const result = await parts.runTransaction(async (trx) => {
        const value = await fn(trx, scope);
        if (notices.length > 0) await parts.publish?.(trx, notices, origin);
        return value;
      }, opts.durable !== false);
      for (const n of notices) deliver(n);
      return result;
    },
    withLock: (key, fn) => parts.withLock(key, fn),
    onChange(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    get changesLive() {
      return listener ? listener.live() : true;
    },
    async close() {
      await listener?.close();
      await parts.close();
    },
  };
}

/** An in-process lock per key: callers of one key run one after another. */
export function keyedMutex() {
  const tails = new Map<string, Promise<unknown>>();
  return async <T>(key: string, fn: () => Promise<T>): Promise<T> => {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const tail = run.catch(() => {});
    tails.set(key, tail);
    try {
      return await run;
    } finally {
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}
