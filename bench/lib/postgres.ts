import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { cpuTimeOf } from './processes.ts';

/** The PostgreSQL the bench uses: TEST_DATABASE_URL, else this machine's (trust auth, database `test`). */
export const BENCH_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface BenchSchema {
  schema: string;
  /** DATABASE_URL for the explorer: tables in `schema` (search_path through the URL's options), and an application_name to find its connections by. */
  url: string;
  /** CPU time (ms) used so far by the PostgreSQL backends serving this schema's connections. */
  backendCpuMs(): Promise<number>;
  /** Drops the schema with everything in it. */
  drop(): Promise<void>;
}

/** A fresh schema of its own on the bench's PostgreSQL, created here and dropped by `drop()`. */
export async function createBenchSchema(): Promise<BenchSchema> {
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: BENCH_DATABASE_URL, connectionTimeoutMillis: 5_000 });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(`PostgreSQL is not usable at ${BENCH_DATABASE_URL} (${(err as Error).message}); start it or set TEST_DATABASE_URL`, { cause: err });
  }
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(BENCH_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  url.searchParams.set('application_name', schema);
  // Backends come and go with the pool: count each one seen from the first time it is seen.
  const seen = new Map<number, number>();
  return {
    schema,
    url: url.toString(),
    async backendCpuMs() {
      const { rows } = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [schema]);
      for (const { pid } of rows) {
        const ms = cpuTimeOf(pid);
        if (!Number.isNaN(ms)) seen.set(pid, ms);
      }
      let total = 0;
      for (const ms of seen.values()) total += ms;
      return total;
    },
    async drop() {
      try {
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await admin.end();
      }
    },
  };
}
