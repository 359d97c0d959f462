import type { Migration } from './types.ts';

export const audit: Migration = {
  version: 9,
  name: 'audit log',
  async up(db) {
    // Who did what. Written from an allow-list of fields: never a secret value, token or body.
    // The actor's email and role are copied in, so the entry still reads right after removal.
    await db.schema
      .createTable('audit_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_email', 'text')
      .addColumn('actor_role', 'text')
      .addColumn('client', 'text')
      .addColumn('environment_id', 'text')
      .addColumn('environment_name', 'text')
      .addColumn('target', 'text')
      .addColumn('detail_json', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_by_time').on('audit_events').columns(['at', 'id']).execute();
    await db.schema.createIndex('audit_by_action').on('audit_events').columns(['action', 'at']).execute();
    await db.schema.createIndex('audit_by_actor').on('audit_events').columns(['actor_id', 'at']).execute();
  },
};
