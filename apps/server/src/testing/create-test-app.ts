import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createDeps, type CreateDepsOptions } from '../create-deps.ts';
import type { AppDeps } from '../deps.ts';
import type { EnvironmentCreate } from '@kinde-explorer/core';
import { createLogger } from '../logger.ts';
import { SecretRegistry } from '../services/vault/secret-registry.ts';
import { DB_FILE_NAME, type Engine } from '../services/storage/index.ts';
import { openTestDatabase, TEST_DATABASE_URL, type TestDatabase } from './engines.ts';

export const TEST_ORIGIN = 'http://127.0.0.1:8787';

export interface TestAppOptions {
  /** Extra environment variables for `loadConfig` (PORT, HOST, WEB_DIST, …). */
  env?: Record<string, string | undefined>;
  /** `kinde`: load Kinde's real spec from process.env.KINDE_SPEC; `none`: no spec at all. */
  spec?: 'kinde' | 'none';
  /** Sign-in service overrides, e.g. `{ scryptCost: { N: 1024, r: 8, p: 1 } }` to keep tests fast. */
  auth?: CreateDepsOptions['auth'];
  /** The storage engine (default SQLite); `postgres` gets a schema of its own, dropped on close. */
  engine?: Engine;
  /** Another instance on the same PostgreSQL schema and vault key as this app (it drops the schema). */
  sameDatabaseAs?: { database?: TestDatabase | undefined; secretKey: string };
}

/**
 * A server on a fresh temporary DATA_DIR (and database), driven through `app.request()` (no port).
 * `logLines` collects every log line as written, after secret scrubbing.
 */
export async function createTestApp(opts: TestAppOptions = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'explorer-test-'));
  const shared = opts.sameDatabaseAs;
  const engine = shared ? 'postgres' : (opts.engine ?? 'sqlite');
  const database = shared ? undefined : engine === 'postgres' ? await openTestDatabase('postgres') : undefined;
  if (shared && !shared.database) throw new Error('sameDatabaseAs: the first instance must run on PostgreSQL');
  const data = shared ? await shared.database!.reopen() : database?.data;
  const secretKey = shared ? shared.secretKey : randomBytes(24).toString('base64url');
  const config = loadConfig({
    DATA_DIR: dataDir,
    KINDE_SPEC: opts.spec === 'kinde' ? process.env.KINDE_SPEC : undefined,
    LOG_LEVEL: 'info',
    // History on the test's own thread; a test that wants the worker passes HISTORY_WRITER=worker.
    HISTORY_WRITER: 'inline',
    // PostgreSQL mode requires the key; the data layer itself is the test schema opened above.
    ...(data ? { DATABASE_URL: 'postgres://test-schema', EXPLORER_SECRET_KEY: secretKey } : {}),
    ...opts.env,
  });
  const logLines: string[] = [];
  const secrets = new SecretRegistry();
  const logger = createLogger({ level: 'debug', secrets, sink: { write: (l) => void logLines.push(l) } });
  // With HISTORY_WRITER=worker, history's worker opens the test's own schema on PostgreSQL (SQLite: DATA_DIR's file).
  const schema = database?.schema;
  const historyStorage = schema ? { historyStorage: { engine: 'postgres' as const, url: TEST_DATABASE_URL, schema } } : {};
  const deps: AppDeps = await createDeps(config, { logger, secrets, spec: { downloadUrl: null }, auth: opts.auth, ...(data ? { data } : {}), ...historyStorage });
  const app = createApp(deps);

  /** `app.request` against the loopback origin, JSON bodies encoded for you. */
  const request = (path: string, init: RequestInit & { json?: unknown } = {}) => {
    const { json, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (json !== undefined) headers.set('content-type', 'application/json');
    return app.request(`${TEST_ORIGIN}${path}`, { ...rest, headers, ...(json !== undefined ? { body: JSON.stringify(json) } : {}) });
  };

  /** Creates an environment through `POST /api/environments` (validation included); its id. */
  const createEnvironment = async (name: string, variables: EnvironmentCreate['variables']) => {
    const res = await request('/api/environments', { method: 'POST', json: { name, variables } });
    if (res.status !== 201) throw new Error(`creating environment "${name}" answered ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  };

  return {
    app,
    deps,
    dataDir,
    logLines,
    request,
    createEnvironment,
    engine,
    /** PostgreSQL: the test database (another instance can join it with `sameDatabaseAs`). */
    database,
    secretKey,
    /**
     * Everything the database holds, to search for what must never be stored: SQLite's file and
     * write-ahead log byte for byte; on PostgreSQL every row of every table of the test's schema.
     */
    async storedBytes(): Promise<Buffer> {
      if (engine === 'sqlite') {
        const files = [DB_FILE_NAME, `${DB_FILE_NAME}-wal`].map((f) => join(dataDir, f)).filter((f) => existsSync(f));
        return Buffer.concat(files.map((f) => readFileSync(f)));
      }
      const { db } = deps.data;
      const parts: string[] = [];
      // Other test files' schemas come and go meanwhile: only this one's tables.
      const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
      const tables = (await db.introspection.getTables()).filter((table) => table.schema === rows[0]?.schema);
      if (tables.length === 0) throw new Error(`storedBytes: no tables in schema ${rows[0]?.schema ?? '?'}`);
      for (const table of tables) parts.push(JSON.stringify(await db.selectFrom(table.name as 'meta').selectAll().execute()));
      return Buffer.from(parts.join('\n'), 'utf8');
    },
    async close() {
      void deps.relay.close().catch(() => {});
      await deps.runs.close();
      await deps.instance.close().catch(() => {});
      await deps.history.close();
      await deps.audit.close();
      // The first instance drops the schema (and closes every layer opened on it).
      if (database) await database.drop();
      else if (!shared) await deps.data.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
