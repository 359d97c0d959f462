import { sql } from 'kysely';
import type { Migration } from './types.ts';

export const trashAndDetails: Migration = {
  version: 2,
  name: 'descriptions and collection variables, trash for undo, history details',
  async up(db) {
    // One column per statement: SQLite's ALTER TABLE adds one at a time.
    await db.schema.alterTable('collections').addColumn('variables_json', 'text', (c) => c.notNull().defaultTo('[]')).execute();
    await db.schema.alterTable('folders').addColumn('description', 'text').execute();
    await db.schema.alterTable('requests').addColumn('description', 'text').execute();

    // A deleted collection, folder or request, serialised so "Undo" can put it back for a while.
    await db.schema
      .createTable('trash')
      .addColumn('token', 'text', (c) => c.primaryKey())
      .addColumn('environment_id', 'text', (c) => c.notNull().references('environments.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('collection', 'folder', 'request')`))
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('payload_json', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('trash_by_expiry').on('trash').column('expires_at').execute();

    await db.schema.alterTable('history').addColumn('resolved_url', 'text').execute();
    await db.schema.alterTable('history').addColumn('error_message', 'text').execute();
    await db.schema.dropIndex('history_by_env').execute();
    await db.schema.createIndex('history_by_env').on('history').columns(['environment_id', 'created_at desc', 'id desc']).execute();
  },
};
