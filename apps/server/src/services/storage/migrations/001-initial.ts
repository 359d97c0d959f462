import { sql } from 'kysely';
import type { Migration } from './types.ts';

export const initial: Migration = {
  version: 1,
  name: 'environments, variables, collections, folders, requests, history',
  async up(db) {
    await db.schema.createTable('meta').addColumn('key', 'text', (c) => c.primaryKey()).addColumn('value', 'text', (c) => c.notNull()).execute();

    await db.schema
      .createTable('environments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    // A secret's value lives only in value_enc (vault-sealed); value_plain is NULL for it.
    await db.schema
      .createTable('variables')
      .addColumn('environment_id', 'text', (c) => c.notNull().references('environments.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('value_plain', 'text')
      .addColumn('value_enc', 'text')
      .addColumn('secret', 'integer', (c) => c.notNull().defaultTo(0).check(sql`secret IN (0, 1)`))
      .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1).check(sql`enabled IN (0, 1)`))
      .addPrimaryKeyConstraint('variables_pk', ['environment_id', 'position'])
      .addCheckConstraint('variables_secret_not_plain', sql`secret = 0 OR value_plain IS NULL`)
      .execute();
    await db.schema.createIndex('variables_by_key').on('variables').columns(['environment_id', 'key']).execute();

    await db.schema
      .createTable('collections')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('environment_id', 'text', (c) => c.notNull().references('environments.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('collections_by_env').on('collections').columns(['environment_id', 'position']).execute();

    await db.schema
      .createTable('folders')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('collection_id', 'text', (c) => c.notNull().references('collections.id').onDelete('cascade'))
      .addColumn('parent_id', 'text', (c) => c.references('folders.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('folders_by_collection').on('folders').columns(['collection_id', 'parent_id', 'position']).execute();

    // request_json holds a core RequestTemplate (plus docs/examples later); never secrets.
    await db.schema
      .createTable('requests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('collection_id', 'text', (c) => c.notNull().references('collections.id').onDelete('cascade'))
      .addColumn('folder_id', 'text', (c) => c.references('folders.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('request_json', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('requests_by_parent').on('requests').columns(['collection_id', 'folder_id', 'position']).execute();

    // Written after secrets and tokens are redacted; response_json is capped by the writer.
    await db.schema
      .createTable('history')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('environment_id', 'text', (c) => c.notNull().references('environments.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('status', 'integer')
      // Milliseconds with decimals (0.4 ms happens): REAL affinity in SQLite, as INTEGER already stored them.
      .addColumn('duration_ms', 'double precision')
      .addColumn('size', 'integer')
      .addColumn('error_code', 'text')
      .addColumn('request_json', 'text', (c) => c.notNull())
      .addColumn('response_json', 'text')
      .execute();
    await db.schema.createIndex('history_by_env').on('history').columns(['environment_id', 'created_at desc']).execute();
  },
};
