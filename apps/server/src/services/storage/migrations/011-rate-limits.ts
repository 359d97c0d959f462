import type { Migration } from './types.ts';

export const rateLimits: Migration = {
  version: 11,
  name: 'sign-in rate limits shared by every instance',
  async up(db) {
    // One fixed window per key (a hash of what is counted: an address, an email, or both), so
    // the limits hold across every instance on the database. Expired windows are pruned.
    await db.schema
      .createTable('rate_limits')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('reset_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('rate_limits_by_reset').on('rate_limits').column('reset_at').execute();
  },
};
