import type { DataLayer } from './data-layer.ts';
import { openPostgres } from './postgres.ts';
import { openSqliteDataDir } from './sqlite.ts';

export type { Change, DataLayer, Db, Engine, TransactionScope, Trx } from './data-layer.ts';
export type { Schema } from './schema.ts';
export { SchemaTooNewError } from './migrate.ts';
export { isDatabaseUnavailable } from './unavailable.ts';
export { DB_FILE_NAME } from './sqlite.ts';

export interface StorageConfig {
  dataDir: string;
  /** `postgres://…`: the team engine; otherwise SQLite in DATA_DIR. */
  databaseUrl: string | undefined;
}

/** Opens the configured engine and brings its schema up to date. */
export function openDataLayer(config: StorageConfig, onError?: (message: string, err: Error) => void): Promise<DataLayer> {
  if (config.databaseUrl) return openPostgres({ url: config.databaseUrl, ...(onError ? { onError } : {}) });
  return openSqliteDataDir(config.dataDir);
}
