import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { createDataLayer, keyedMutex, type Change, type DataLayer } from './data-layer.ts';
import { migrate } from './migrate.ts';
import type { Migration } from './migrations/index.ts';
import type { Schema } from './schema.ts';

export interface PostgresOptions {
  /** `postgres://user:password@host:5432/database` (DATABASE_URL). */
  url: string;
  /** Tables live in this schema instead of the connection's default (tests use one per file). */
  schema?: string;
  migrations?: readonly Migration[];
  /** Connections per instance (default 10). */
  poolSize?: number;
  /** How long a query waits for a connection before it fails (and the API answers 503). */
  connectTimeoutMs?: number;
  /** Told about connection trouble (never with credentials). */
  onError?: (message: string, err: Error) => void;
  /** False: no LISTEN connection for other instances' changes (a writer that caches nothing, e.g. history's worker). */
  listen?: boolean;
}

// BIGINT (epoch milliseconds, COUNT) as numbers, as SQLite gives them; every value stored fits.
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === pg.types.builtins.INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

// Any instance may run migrations at start: one at a time (a constant of this project).
const MIGRATION_LOCK = 0x6b696e6465; // "kinde"
const RECONNECT_MS = [250, 500, 1000, 2000, 5000];

/** A schema name as an identifier, refused unless plain (it ends up in `search_path`). */
export function checkSchemaName(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`schema name "${name}" must be lower-case letters, digits and _`);
  return name;
}

/** The team engine: a pool on PostgreSQL, LISTEN/NOTIFY between instances, advisory locks. */
export async function openPostgres(opts: PostgresOptions): Promise<DataLayer> {
  const schema = opts.schema === undefined ? undefined : checkSchemaName(opts.schema);
  const clientConfig: pg.ClientConfig = {
    connectionString: opts.url,
    types,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 5000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  };
  const pool = new pg.Pool({ ...clientConfig, max: opts.poolSize ?? 10, idleTimeoutMillis: 30_000 });
  const onError = opts.onError ?? (() => {});
  // An idle connection the server dropped must not crash the process: the next query reconnects.
  pool.on('error', (err) => onError('a PostgreSQL connection was lost', err));
  // A connection in use (a transaction, a held lock) can die too: its query fails (503), the process must not.
  pool.on('connect', (client) => client.on('error', (err) => onError('a PostgreSQL connection in use was lost', err)));
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  let channel = 'explorer_changes';

  try {
    if (schema) await sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(schema)}`.execute(db);
    await migrate(db, {
      migrations: opts.migrations,
      location: 'DATABASE_URL',
      serialise: async (trx) => void (await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx)),
    });
    // Notices are per database: one channel per schema keeps two deployments (or test files) apart.
    const { rows } = await sql<{ s: string }>`SELECT current_schema() AS s`.execute(db);
    channel = `explorer_changes:${rows[0]?.s ?? 'public'}`.slice(0, 63);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  // Waiters of this instance queue here, not on pool connections: a burst of callers each
  // holding a connection while waiting for the lock would leave none for the holder's queries.
  const local = keyedMutex();

  return createDataLayer({
    engine: 'postgres',
    db,
    runTransaction: (fn) => db.transaction().execute(fn),
    async publish(trx, notices, origin) {
      // NOTIFY inside the transaction: PostgreSQL delivers it on commit and drops it on rollback.
      for (const n of notices) await sql`SELECT pg_notify(${channel}, ${JSON.stringify({ o: origin, c: n.channel, i: n.id })})`.execute(trx);
    },
    withLock: (key, fn) => local(key, async () => {
      // A session-level advisory lock on a connection of its own, held while `fn` runs its
      // queries on others; if this process dies, PostgreSQL ends the session and frees the lock.
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key]);
        try {
          return await fn();
        } finally {
          await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]).catch((err: Error) => {
            broken = true;
            onError('could not release an advisory lock', err);
          });
        }
      } catch (err) {
        broken ||= !(err instanceof Error) || !('severity' in err);
        throw err;
      } finally {
        client.release(broken);
      }
    }),
    ...(opts.listen === false ? {} : { listen: (deliver: (change: Change | null, origin?: string) => void) => listenForChanges(clientConfig, channel, deliver, onError) }),
    close: () => db.destroy(),
  });
}

/**
 * One connection that LISTENs for other instances' notices, reconnecting with backoff. While it
 * is down `live()` is false; each (re)connect delivers `null` so caches drop what they may have missed.
 */
function listenForChanges(
  config: pg.ClientConfig,
  channel: string,
  deliver: (change: Change | null, origin?: string) => void,
  onError: (message: string, err: Error) => void,
) {
  let client: pg.Client | undefined;
  let live = false;
  let closed = false;
  let attempt = 0;
  let timer: NodeJS.Timeout | undefined;

  const retry = () => {
    if (closed || timer) return;
    const delay = RECONNECT_MS[Math.min(attempt++, RECONNECT_MS.length - 1)]!;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, delay);
    timer.unref();
  };

  const lost = (err?: Error) => {
    if (live && err) onError('the change listener lost PostgreSQL; caches are bypassed until it is back', err);
    live = false;
    client?.removeAllListeners();
    client?.on('error', () => {});
    void client?.end().catch(() => {});
    client = undefined;
    deliver(null);
    retry();
  };

  async function connect(): Promise<void> {
    if (closed) return;
    const c = new pg.Client(config);
    client = c;
    c.on('error', (err) => {
      if (client === c) lost(err);
    });
    c.on('end', () => {
      if (client === c) lost();
    });
    c.on('notification', (msg) => {
      if (msg.channel !== channel || !msg.payload) return;
      try {
        const n = JSON.parse(msg.payload) as { o: string; c: string; i: string };
        deliver({ channel: n.c, id: n.i }, n.o);
      } catch {
        // not ours
      }
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      if (client !== c || closed) return void (await c.end().catch(() => {}));
      attempt = 0;
      live = true;
      deliver(null); // anything committed while this listener was away
    } catch (err) {
      if (client === c) lost(err as Error);
    }
  }

  void connect();
  return {
    live: () => live,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = undefined;
      live = false;
      c?.removeAllListeners();
      c?.on('error', () => {});
      await c?.end().catch(() => {});
    },
  };
}
