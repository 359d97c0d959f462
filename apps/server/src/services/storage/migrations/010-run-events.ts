import type { Migration } from './types.ts';

export const runEvents: Migration = {
  version: 10,
  name: 'run events and instances',
  async up(db) {
    // The events of each run, numbered from 1 (the SSE event ids), so a reader on any instance
    // replays them; scrubbed and bounded by the writer, deleted with their run.
    await db.schema
      .createTable('run_events')
      .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id').onDelete('cascade'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('data_json', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('run_events_pk', ['run_id', 'seq'])
      .execute();
    // Every running server with its heartbeat (epoch ms): a run whose instance stopped beating is
    // marked as an error by another one.
    await db.schema
      .createTable('instances')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('heartbeat_at', 'bigint', (c) => c.notNull())
      .execute();
    // Which instance runs it (NULL: a run from before this version), and a stop asked elsewhere.
    await db.schema.alterTable('runs').addColumn('instance_id', 'text').execute();
    await db.schema.alterTable('runs').addColumn('stop_requested', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.createIndex('runs_by_status').on('runs').columns(['status', 'instance_id']).execute();
  },
};
