import type { Database } from 'better-sqlite3';

/**
 * Runs `fn` as one transaction committed with `synchronous = FULL`, so the caller answers only
 * after the save is on disk.
 *
 * Why FULL for these writes: the database runs WAL with `synchronous = NORMAL`. That already
 * survives a killed or crashed *process* (a committed WAL frame sits in the OS page cache and is
 * replayed on open), but the last commits can be lost on power loss or an OS crash. A save the
 * user saw acknowledged must survive both; saves are rare, so one fsync each costs nothing anyone
 * notices. History batches (frequent, and losing the newest one is harmless) stay on NORMAL.
 */
export function durableWrite<T>(db: Database, fn: () => T): T {
  // Inside an outer transaction the pragma cannot change; the outer writer decides.
  if (db.inTransaction) return db.transaction(fn)();
  const previous = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = FULL');
  try {
    return db.transaction(fn)();
  } finally {
    db.pragma(`synchronous = ${Number(previous)}`);
  }
}

let last = 0;

/**
 * An ISO timestamp strictly later than the previous one this process handed out, so two saves
 * in the same millisecond still get different `updatedAt` values (clients use it to spot staleness).
 */
export function nextTimestamp(): string {
  last = Math.max(Date.now(), last + 1);
  return new Date(last).toISOString();
}
