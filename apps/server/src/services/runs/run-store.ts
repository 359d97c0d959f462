import type { Database } from 'better-sqlite3';

/** The status of a run: `running` until its end is written. */
export type RunStatus = 'running' | 'passed' | 'failed' | 'stopped' | 'error';

/** One stored run, summary columns plus its options and (once finished) its result as JSON text. */
export interface RunRow {
  id: string;
  environment_id: string;
  collection_id: string | null;
  folder_id: string | null;
  name: string;
  status: RunStatus;
  started_at: string;
  finished_at: string | null;
  duration_ms: number | null;
  requests: number;
  tests_passed: number;
  tests_failed: number;
  options_json: string;
  result_json: string | null;
}

export type RunSummaryRow = Omit<RunRow, 'options_json' | 'result_json'>;

export interface RunEnd {
  status: Exclude<RunStatus, 'running'>;
  finishedAt: string;
  durationMs: number;
  requests: number;
  testsPassed: number;
  testsFailed: number;
  resultJson: string;
}

export interface RunListFilter {
  environmentId?: string | undefined;
  collectionId?: string | undefined;
  limit: number;
}

const SUMMARY = 'id, environment_id, collection_id, folder_id, name, status, started_at, finished_at, duration_ms, requests, tests_passed, tests_failed';

/**
 * Runs in SQLite: one row per run, the last `keep` kept (older ones dropped as new ones start).
 * The only file that knows the `runs` table, so moving it to another data layer stays local.
 */
export function createRunStore(db: Database, opts: { keep?: number } = {}) {
  const keep = opts.keep ?? 100;
  const q = {
    insert: db.prepare(
      `INSERT INTO runs (id, environment_id, collection_id, folder_id, name, status, started_at, options_json)
       VALUES (@id, @environment_id, @collection_id, @folder_id, @name, 'running', @started_at, @options_json)`,
    ),
    finish: db.prepare(
      `UPDATE runs SET status = @status, finished_at = @finishedAt, duration_ms = @durationMs, requests = @requests,
         tests_passed = @testsPassed, tests_failed = @testsFailed, result_json = @resultJson WHERE id = @id`,
    ),
    trim: db.prepare(`DELETE FROM runs WHERE status != 'running' AND id IN (SELECT id FROM runs ORDER BY started_at DESC, id DESC LIMIT -1 OFFSET ?)`),
    one: db.prepare<[string], RunRow>('SELECT * FROM runs WHERE id = ?'),
    list: db.prepare<{ env: string | null; col: string | null; limit: number }, RunSummaryRow>(
      `SELECT ${SUMMARY} FROM runs WHERE (@env IS NULL OR environment_id = @env) AND (@col IS NULL OR collection_id = @col)
       ORDER BY started_at DESC, id DESC LIMIT @limit`,
    ),
    interrupt: db.prepare(
      `UPDATE runs SET status = 'error', finished_at = ?, result_json = NULL WHERE status = 'running'`,
    ),
  };

  return {
    /** Records a run that has just started. */
    start(row: Pick<RunRow, 'id' | 'environment_id' | 'collection_id' | 'folder_id' | 'name' | 'started_at' | 'options_json'>): void {
      db.transaction(() => {
        q.insert.run(row);
        q.trim.run(keep);
      })();
    },
    /** Writes a run's outcome; a no-op when the run's environment (and so the run) was deleted meanwhile. */
    finish(id: string, end: RunEnd): void {
      q.finish.run({ id, ...end });
    },
    get(id: string): RunRow | undefined {
      return q.one.get(id);
    },
    list(filter: RunListFilter): RunSummaryRow[] {
      return q.list.all({ env: filter.environmentId ?? null, col: filter.collectionId ?? null, limit: filter.limit });
    },
    /** At start-up: runs left `running` by a server that stopped are marked as errors; returns how many. */
    markInterrupted(now: string): number {
      return q.interrupt.run(now).changes;
    },
  };
}
export type RunStore = ReturnType<typeof createRunStore>;
