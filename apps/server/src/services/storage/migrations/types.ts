import type { Kysely } from 'kysely';

/**
 * One numbered schema change, written with Kysely's schema builder so the same code creates the
 * same tables on SQLite and PostgreSQL. Applied inside one transaction together with its
 * `schema_migrations` row. Never edit a migration that has shipped: add the next number instead.
 */
export interface Migration {
  version: number;
  name: string;
  // The schema at the time of the migration, not today's: untyped on purpose.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  up(db: Kysely<any>): Promise<void>;
}
