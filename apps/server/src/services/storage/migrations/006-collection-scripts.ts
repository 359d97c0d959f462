import type { Migration } from './types.ts';

export const collectionScripts: Migration = {
  version: 6,
  name: 'scripts of collections and folders',
  async up(db) {
    // Pre-request and test scripts (Postman events) run around every request inside; a request's own are in request_json.
    await db.schema.alterTable('collections').addColumn('scripts_json', 'text').execute();
    await db.schema.alterTable('folders').addColumn('scripts_json', 'text').execute();
  },
};
