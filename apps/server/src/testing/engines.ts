import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe } from 'vitest';
import type { DataLayer, Engine } from '../services/storage/index.ts';
import type { Migration } from '../services/storage/migrations/index.ts';
import { openPostgres } from '../services/storage/postgres.ts';
import { openSqlite } from '../services/storage/sqlite.ts';

/** The PostgreSQL the tests use: this machine's (trust auth, database `test`) unless told otherwise. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Both engines, always. `EXPLORER_TEST_ENGINES=sqlite` leaves PostgreSQL out on a laptop without
 * one; CI ignores it, so the PostgreSQL run cannot be skipped there (and fails if unreachable).
 */
export function testEngines(): Engine[] {
  if (process.env.CI !== 'true' && process.env.EXPLORER_TEST_ENGINES?.trim() === 'sqlite') return ['sqlite'];
  return ['sqlite', 'postgres'];
}

/** `describe` once per engine, named `<name> [sqlite]` and `<name> [postgres]`: one suite, both engines. */
export function describeEachEngine(name: string, suite: (engine: Engine) => void): void {
  for (const engine of testEngines()) describe(`${name} [${engine}]`, () => suite(engine));
}

export interface TestDatabase {
  engine: Engine;
  data: DataLayer;
  /** SQLite: the folder holding explorer.db. */
  dataDir?: string;
  /** PostgreSQL: the schema of its own (random, dropped by `drop()`). */
  schema?: string;
  /** Opens the same database again (another "instance"). */
  reopen(): Promise<DataLayer>;
  /** Closes every layer opened and deletes the database. */
  drop(): Promise<void>;
}

/** A fresh database on `engine`: a temporary SQLite file, or a PostgreSQL schema of its own. */
export async function openTestDatabase(engine: Engine, opts: { migrations?: readonly Migration[] } = {}): Promise<TestDatabase> {
  const opened: DataLayer[] = [];
  const track = async (p: Promise<DataLayer>) => {
    const d = await p;
    opened.push(d);
    return d;
  };
  if (engine === 'sqlite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'explorer-db-'));
    const open = () => track(openSqlite(join(dataDir, 'explorer.db'), opts));
    return {
      engine,
      dataDir,
      data: await open(),
      reopen: open,
      async drop() {
        for (const d of opened.splice(0)) await d.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const open = () => track(openPostgres({ url: TEST_DATABASE_URL, schema, poolSize: 4, ...opts }).catch((err: Error) => {
    throw new Error(
      `PostgreSQL is needed for the [postgres] tests and is not usable at ${TEST_DATABASE_URL} (${err.message}). ` +
        'Start it (`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`) or set TEST_DATABASE_URL.',
      { cause: err },
    );
  }));
  return {
    engine,
    schema,
    data: await open(),
    reopen: open,
    async drop() {
      for (const d of opened.splice(0)) await d.close();
      await dropSchema(schema);
    },
  };
}

/** Drops one test schema (only ever one this process made). */
export async function dropSchema(schema: string): Promise<void> {
  if (!/^test_[0-9a-f]{12}$/.test(schema)) throw new Error(`refusing to drop ${schema}: not a test schema`);
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
