import { join } from 'node:path';
import BetterSqlite3, { type Database, type Statement } from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { createDataLayer, keyedMutex, type DataLayer } from './data-layer.ts';
import { migrate } from './migrate.ts';
import type { Migration } from './migrations/index.ts';
import type { Schema } from './schema.ts';

export const DB_FILE_NAME = 'explorer.db';

// Kysely prepares each query anew; the services send the same few hundred texts over and over.
const STATEMENT_CACHE = 500;

/** better-sqlite3 as Kysely sees it, with prepared statements kept per SQL text, and transactions that take the write lock first. */
function cachingDatabase(raw: Database) {
  const cache = new Map<string, Statement>();
  return {
    close: () => void raw.close(),
    prepare(text: string): Statement {
      // Kysely opens transactions with a deferred `begin`. History's worker writes the same file on
      // a second connection: a deferred transaction that had read before the worker committed could
      // not write any more (SQLITE_BUSY_SNAPSHOT at once, no waiting). `begin immediate` takes the
      // write lock first, so busy_timeout makes either side wait for the other's commit instead.
      const sqlText = text === 'begin' ? 'begin immediate' : text;
      let stmt = cache.get(sqlText);
      if (!stmt) {
        stmt = raw.prepare(sqlText);
        if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
        cache.set(sqlText, stmt);
      }
      return stmt;
    },
  };
}

export interface SqliteOptions {
  migrations?: readonly Migration[];
}

/** `DATA_DIR/explorer.db`: the embedded engine, made and migrated on first use. */
export function openSqliteDataDir(dataDir: string, opts: SqliteOptions = {}): Promise<DataLayer> {
  return openSqlite(join(dataDir, DB_FILE_NAME), opts);
}

/** A SQLite file (or `:memory:`) in WAL mode with foreign keys on, migrated. */
export async function openSqlite(file: string, opts: SqliteOptions = {}): Promise<DataLayer> {
  const raw = new BetterSqlite3(file);
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: cachingDatabase(raw) }) });
  try {
    raw.pragma('journal_mode = WAL');
    // NORMAL is durable under WAL except for the last transactions on power loss; saves ask for FULL.
    raw.pragma('synchronous = NORMAL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
    await migrate(db, { migrations: opts.migrations, location: 'DATA_DIR' });
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return createDataLayer({
    engine: 'sqlite',
    db,
    runTransaction(fn, durable) {
      if (!durable) return db.transaction().execute(fn);
      // The level cannot change inside a transaction: set it while holding the one connection.
      return db.connection().execute(async (conn) => {
        raw.pragma('synchronous = FULL');
        try {
          return await conn.transaction().execute(fn);
        } finally {
          // Closed meanwhile (shutdown while a save was failing): nothing left to reset.
          if (raw.open) raw.pragma('synchronous = NORMAL');
        }
      });
    },
    // One process owns the file (DATA_DIR is not for sharing), so an in-process lock is enough.
    withLock: keyedMutex(),
    close: () => db.destroy(),
  });
}
