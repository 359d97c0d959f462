import { sql } from 'kysely';
import type { Migration } from './types.ts';

export const sessions: Migration = {
  version: 3,
  name: 'sign-in sessions',
  async up(db) {
    // Only a SHA-256 of the cookie's random id is kept; times are epoch milliseconds.
    await db.schema
      .createTable('sessions')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role IN ('viewer', 'editor')`))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('max_expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_by_expiry').on('sessions').column('expires_at').execute();
  },
};
