import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations.ts';

export type { Database };

export const DB_FILE_NAME = 'explorer.db';

/** Opens (creating if needed) `DATA_DIR/explorer.db` with WAL and foreign keys, and migrates it. */
export function openDatabase(dataDir: string): Database {
  return openDatabaseFile(join(dataDir, DB_FILE_NAME));
}

/** Opens a database file (or `:memory:`) and brings its schema up to date. */
export function openDatabaseFile(file: string, migrations: readonly Migration[] = MIGRATIONS): Database {
  const db = new BetterSqlite3(file);
  try {
    db.pragma('journal_mode = WAL');
    // NORMAL is durable under WAL except for the last transactions on power loss; fine for a dev tool.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/** Applies every migration newer than the recorded version; returns the versions applied. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const current = (db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
  const latest = Math.max(0, ...migrations.map((m) => m.version));
  if (current > latest) {
    throw new Error(
      `The database schema (version ${current}) is newer than this server knows (${latest}); ` +
        'update the explorer or point DATA_DIR at another folder.',
    );
  }
  const applied: number[] = [];
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    })();
    applied.push(m.version);
  }
  return applied;
}
