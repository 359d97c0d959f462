import type { StorageConfig } from './index.ts';
import { SchemaTooNewError } from './migrate.ts';
import { isDatabaseUnavailable } from './unavailable.ts';

/** What to tell someone whose server could not open its database, and what to do about it. */
export function storageFailure(err: unknown, config: StorageConfig): string {
  if (err instanceof SchemaTooNewError) return err.message;
  const reason = err instanceof Error ? err.message : String(err);
  if (config.databaseUrl) {
    const where = safeLocation(config.databaseUrl);
    if (isDatabaseUnavailable(err)) return `Cannot reach PostgreSQL at ${where} (${reason}): start it, or check DATABASE_URL.`;
    return `Cannot use the PostgreSQL database at ${where}: ${reason}. Check DATABASE_URL and that its user may create tables.`;
  }
  return `Cannot open the database in ${config.dataDir}: ${reason}. Check that DATA_DIR is writable, or point it at another folder.`;
}

/** host:port/database of a URL, without user or password. */
export function safeLocation(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}
