import { sql } from 'kysely';
import type { Migration } from './types.ts';

export const accounts: Migration = {
  version: 8,
  name: 'named accounts, invites, sessions per account',
  async up(db) {
    // People who sign in as themselves. Only a salted scrypt hash of the password is kept.
    await db.schema
      .createTable('accounts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role IN ('viewer', 'editor', 'owner')`))
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('password_changed_at', 'text', (c) => c.notNull())
      .execute();

    // One-time invite links: only a SHA-256 of the link's token is kept; used once, then spent.
    await db.schema
      .createTable('invites')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role IN ('viewer', 'editor', 'owner')`))
      .addColumn('invited_by', 'text', (c) => c.references('accounts.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute();

    // Sessions now belong to an account (account_id) or, for the shared passwords of earlier
    // releases, to a role alone. The old table's CHECK cannot be altered on SQLite, so it is made
    // anew: everyone signs in once more after this upgrade.
    await db.schema.dropTable('sessions').execute();
    await db.schema
      .createTable('sessions')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'text', (c) => c.references('accounts.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.check(sql`role IN ('viewer', 'editor')`))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('max_expires_at', 'bigint', (c) => c.notNull())
      .addCheckConstraint('sessions_account_or_role', sql`(account_id IS NULL) <> (role IS NULL)`)
      .execute();
    await db.schema.createIndex('sessions_by_expiry').on('sessions').column('expires_at').execute();
    await db.schema.createIndex('sessions_by_account').on('sessions').column('account_id').execute();
  },
};
