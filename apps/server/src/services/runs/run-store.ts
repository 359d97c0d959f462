import type { DataLayer } from '../storage/index.ts';

/** The status of a run: `running` until its end is written. */
export type RunStatus = 'running' | 'passed' | 'failed' | 'stopped' | 'error';

/** One stored run (the `runs` table, see ../storage/schema.ts), summary columns plus its options and (once finished) its result as JSON text. */
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

const SUMMARY = ['id', 'environment_id', 'collection_id', 'folder_id', 'name', 'status', 'started_at', 'finished_at', 'duration_ms', 'requests', 'tests_passed', 'tests_failed'] as const;

/**
 * Runs in the database: one row per run, the last `keep` kept (older ones dropped as new ones start).
 * The only file that knows the `runs` table.
 */
export function createRunStore(data: DataLayer, opts: { keep?: number } = {}) {
  const keep = opts.keep ?? 100;
  const { db } = data;

  return {
    /** Records a run that has just started. */
    async start(row: Pick<RunRow, 'id' | 'environment_id' | 'collection_id' | 'folder_id' | 'name' | 'started_at' | 'options_json'>): Promise<void> {
      await data.transaction(async (trx) => {
        await trx.insertInto('runs').values({ ...row, status: 'running' }).execute();
        // A few hundred ids at most: order them here rather than rely on OFFSET without LIMIT.
        const ids = await trx.selectFrom('runs').select('id').orderBy('started_at', 'desc').orderBy('id', 'desc').execute();
        const old = ids.slice(keep).map((r) => r.id);
        if (old.length > 0) await trx.deleteFrom('runs').where('status', '!=', 'running').where('id', 'in', old).execute();
      });
    },
    /** Writes a run's outcome; a no-op when the run's environment (and so the run) was deleted meanwhile. */
    async finish(id: string, end: RunEnd): Promise<void> {
      await db
        .updateTable('runs')
        .set({
          status: end.status,
          finished_at: end.finishedAt,
          duration_ms: end.durationMs,
          requests: end.requests,
          tests_passed: end.testsPassed,
          tests_failed: end.testsFailed,
          result_json: end.resultJson,
        })
        .where('id', '=', id)
        .execute();
    },
    get(id: string): Promise<RunRow | undefined> {
      return db.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirst();
    },
    list(filter: RunListFilter): Promise<RunSummaryRow[]> {
      let q = db.selectFrom('runs').select(SUMMARY);
      if (filter.environmentId) q = q.where('environment_id', '=', filter.environmentId);
      if (filter.collectionId) q = q.where('collection_id', '=', filter.collectionId);
      return q.orderBy('started_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
    },
    /**
     * At start-up: runs left `running` by a server that stopped are marked as errors; returns how
     * many. With several instances on one database this would also end another instance's live
     * runs: the runner should tag runs with their instance before that is turned on there.
     */
    async markInterrupted(now: string): Promise<number> {
      const r = await db.updateTable('runs').set({ status: 'error', finished_at: now, result_json: null }).where('status', '=', 'running').executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
  };
}
export type RunStore = ReturnType<typeof createRunStore>;
