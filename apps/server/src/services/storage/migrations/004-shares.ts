import { sql } from 'kysely';
import type { Migration } from './types.ts';

export const shares: Migration = {
  version: 4,
  name: 'share links',
  async up(db) {
    // A read-only snapshot of a request and its response, written after secrets, tokens and
    // credential headers were removed. A revoked share keeps only its id, so its link answers 410.
    await db.schema
      .createTable('shares')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('environment_id', 'text', (c) => c.references('environments.id').onDelete('set null'))
      .addColumn('environment_name', 'text')
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('request_url', 'text', (c) => c.notNull())
      .addColumn('status', 'integer', (c) => c.notNull())
      .addColumn('personal_data_masked', 'integer', (c) => c.notNull().defaultTo(0).check(sql`personal_data_masked IN (0, 1)`))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('request_json', 'text')
      .addColumn('response_json', 'text')
      .addColumn('snippet_request_json', 'text')
      .execute();
    await db.schema.createIndex('shares_by_created').on('shares').column('created_at desc').execute();
  },
};
