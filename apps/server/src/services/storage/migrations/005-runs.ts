import { sql } from 'kysely';
import type { Migration } from './types.ts';

export const runs: Migration = {
  version: 5,
  name: 'collection runs',
  async up(db) {
    // The last runs of collections and folders. result_json is the engine's run result after
    // secrets and tokens were scrubbed, with response bodies cut by the writer.
    await db.schema
      .createTable('runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('environment_id', 'text', (c) => c.notNull().references('environments.id').onDelete('cascade'))
      .addColumn('collection_id', 'text')
      .addColumn('folder_id', 'text')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('running', 'passed', 'failed', 'stopped', 'error')`))
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addColumn('duration_ms', 'double precision')
      .addColumn('requests', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('tests_passed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('tests_failed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('options_json', 'text', (c) => c.notNull())
      .addColumn('result_json', 'text')
      .execute();
    await db.schema.createIndex('runs_by_started').on('runs').columns(['started_at desc', 'id desc']).execute();
    await db.schema.createIndex('runs_by_collection').on('runs').columns(['collection_id', 'started_at desc']).execute();
  },
};
