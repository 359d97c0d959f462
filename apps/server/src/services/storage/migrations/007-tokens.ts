import type { Migration } from './types.ts';

export const tokens: Migration = {
  version: 7,
  name: 'M2M tokens shared by every instance',
  async up(db) {
    // One token per environment, sealed by the vault with the credentials it was issued for as
    // context, so a token of old credentials cannot be decrypted (and so is never reused).
    await db.schema
      .createTable('tokens')
      .addColumn('environment_id', 'text', (c) => c.primaryKey().references('environments.id').onDelete('cascade'))
      .addColumn('token_enc', 'text', (c) => c.notNull())
      .addColumn('issued_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};
