import type { Kysely, Transaction } from 'kysely';
import { MIGRATIONS, type Migration } from './migrations/index.ts';
import type { Schema } from './schema.ts';

/** The database was written by a newer explorer: refuse it rather than guess at its tables. */
export class SchemaTooNewError extends Error {
  override name = 'SchemaTooNewError';
}

export interface MigrateOptions {
  migrations?: readonly Migration[];
  /** Holds other instances off for the rest of the transaction (PostgreSQL: an advisory lock). */
  serialise?: (trx: Transaction<Schema>) => Promise<void>;
  /** Where the database is, for the refusal message ("DATA_DIR", "DATABASE_URL"). */
  location?: string;
}

/**
 * Applies every migration not yet recorded (in order), each in one transaction with its
 * `schema_migrations` row (the table the first releases kept, so their databases carry on).
 * Returns the versions applied; throws `SchemaTooNewError` for a database newer than the code.
 */
export async function migrate(db: Kysely<Schema>, opts: MigrateOptions = {}): Promise<number[]> {
  const migrations = [...(opts.migrations ?? MIGRATIONS)].sort((a, b) => a.version - b.version);
  const latest = Math.max(0, ...migrations.map((m) => m.version));
  const serialise = opts.serialise ?? (async () => {});
  const current = await db.transaction().execute(async (trx) => {
    await serialise(trx);
    await trx.schema
      .createTable('schema_migrations')
      .ifNotExists()
      .addColumn('version', 'integer', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('applied_at', 'text', (c) => c.notNull())
      .execute();
    return recordedVersion(trx);
  });
  if (current > latest) {
    throw new SchemaTooNewError(
      `The database schema (version ${current}) is newer than this server knows (${latest}); ` +
        `update the explorer or point ${opts.location ?? 'DATA_DIR'} at another database.`,
    );
  }
  // Every migration not recorded yet, not only those above the highest: numbers are handed out
  // ahead of time, so a database may have met 011 before 010 reached the code.
  const recorded = new Set((await db.selectFrom('schema_migrations').select('version').execute()).map((r) => Number(r.version)));
  const applied: number[] = [];
  for (const m of migrations) {
    if (recorded.has(m.version)) continue;
    const ran = await db.transaction().execute(async (trx) => {
      await serialise(trx);
      // Another instance may have applied it while this one waited for the lock.
      if (await trx.selectFrom('schema_migrations').select('version').where('version', '=', m.version).executeTakeFirst()) return false;
      await m.up(trx);
      await trx.insertInto('schema_migrations').values({ version: m.version, name: m.name, applied_at: new Date().toISOString() }).execute();
      return true;
    });
    if (ran) applied.push(m.version);
  }
  return applied;
}

async function recordedVersion(db: Kysely<Schema>): Promise<number> {
  const row = await db.selectFrom('schema_migrations').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
  return Number(row?.v ?? 0);
}
