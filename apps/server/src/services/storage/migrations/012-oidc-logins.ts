import type { Migration } from './types.ts';

export const oidcLogins: Migration = {
  version: 12,
  name: 'sign in with Kinde: logins in progress',
  async up(db) {
    // A "Sign in with Kinde" between leaving for Kinde and coming back, so the callback may land on
    // any instance. Keyed by a SHA-256 of the OAuth state; bound to the browser that started it by
    // a SHA-256 of a cookie. Rows are single-use and expire within minutes.
    await db.schema
      .createTable('oidc_logins')
      .addColumn('state_hash', 'text', (c) => c.primaryKey())
      .addColumn('browser_hash', 'text', (c) => c.notNull())
      .addColumn('code_verifier', 'text', (c) => c.notNull())
      .addColumn('nonce', 'text', (c) => c.notNull())
      .addColumn('redirect_uri', 'text', (c) => c.notNull())
      // Joining by invite link with Kinde: the SHA-256 of the link's token (as `invites` keeps it).
      .addColumn('invite_token_hash', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('oidc_logins_by_expiry').on('oidc_logins').column('expires_at').execute();
  },
};
