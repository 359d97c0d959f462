import type { DataLayer } from '../storage/index.ts';

/** Notices on this channel (id: the run's id) say a run has new events or has ended. */
export const RUN_EVENTS_CHANNEL = 'run-events';
/** Notices on this channel (id: the run's id) ask the instance running it to stop it. */
export const RUN_STOP_CHANNEL = 'run-stop';

/** An ended run's events are deleted this long after its end (at the next start); readers get its stored result. */
const EVENTS_KEPT_AFTER_END_MS = 10 * 60_000;

/** Why a run whose server stopped is an error. */
export const INTERRUPTED_MESSAGE = 'The server running it stopped before the run ended (restarted or killed); start it again.';

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
  instance_id: string | null;
  stop_requested: 0 | 1;
}

export type RunSummaryRow = Omit<RunRow, 'options_json' | 'result_json' | 'instance_id' | 'stop_requested'>;

/** A run to record: its instance, and the most runs (on every instance) that may be running at once. */
export type RunStartRow = Pick<RunRow, 'id' | 'environment_id' | 'collection_id' | 'folder_id' | 'name' | 'started_at' | 'options_json'> & { instance_id: string };

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
    /**
     * Records a run that has just started, unless `maxRunning` runs are running already on all
     * instances together: then nothing is written and the count is returned. Starts are one at a
     * time across instances (a lock), so two at once cannot both take the last place.
     */
    async start(row: RunStartRow, opts: { maxRunning?: number } = {}): Promise<{ started: true } | { started: false; running: number }> {
      return data.withLock('runs:start', () => data.transaction(async (trx) => {
        if (opts.maxRunning !== undefined) {
          const count = await trx.selectFrom('runs').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'running').executeTakeFirst();
          const running = Number(count?.n ?? 0);
          if (running >= opts.maxRunning) return { started: false, running } as const;
        }
        await trx.insertInto('runs').values({ ...row, status: 'running' }).execute();
        // A few hundred ids at most: order them here rather than rely on OFFSET without LIMIT.
        const ids = await trx.selectFrom('runs').select('id').orderBy('started_at', 'desc').orderBy('id', 'desc').execute();
        const old = ids.slice(keep).map((r) => r.id);
        if (old.length > 0) await trx.deleteFrom('runs').where('status', '!=', 'running').where('id', 'in', old).execute();
        // Events serve readers of runs in progress; an ended run's stream is its stored result.
        const cutoff = new Date(Date.parse(row.started_at) - EVENTS_KEPT_AFTER_END_MS).toISOString();
        await trx
          .deleteFrom('run_events')
          .where('run_id', 'in', (eb) => eb.selectFrom('runs').select('id').where('status', '!=', 'running').where('finished_at', '<', cutoff))
          .execute();
        return { started: true } as const;
      }));
    },
    /** Writes a run's outcome (its readers on every instance are told); a no-op when the run's environment (and so the run) was deleted meanwhile. */
    async finish(id: string, end: RunEnd): Promise<void> {
      await data.transaction(async (trx, scope) => {
        await trx
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
        scope.notify(RUN_EVENTS_CHANNEL, id);
      });
    },
    /** Removes a run recorded by `start` that could not begin after all. */
    async discard(id: string): Promise<void> {
      await db.deleteFrom('runs').where('id', '=', id).execute();
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
     * Runs left `running` by an instance that stopped (its heartbeat older than `staleBefore`, or
     * gone from `instances`; runs of a release before instances count as such) become errors;
     * their readers are told. Returns their ids. Runs of live instances are left alone.
     */
    async markInterrupted(now: string, staleBefore: number): Promise<string[]> {
      return data.transaction(async (trx, scope) => {
        const rows = await trx
          .updateTable('runs')
          .set({ status: 'error', finished_at: now, result_json: JSON.stringify({ summary: null, writeBack: null, error: INTERRUPTED_MESSAGE }) })
          .where('status', '=', 'running')
          .where((eb) =>
            eb.or([
              eb('instance_id', 'is', null),
              eb.not(eb.exists(eb.selectFrom('instances').select('instances.id').whereRef('instances.id', '=', 'runs.instance_id').where('instances.heartbeat_at', '>=', staleBefore))),
            ]),
          )
          .returning('id')
          .execute();
        for (const r of rows) scope.notify(RUN_EVENTS_CHANNEL, r.id);
        return rows.map((r) => r.id);
      });
    },
    /** Asks the instance running `id` to stop it; false when it is not running. */
    async requestStop(id: string): Promise<boolean> {
      return data.transaction(async (trx, scope) => {
        const r = await trx.updateTable('runs').set({ stop_requested: 1 }).where('id', '=', id).where('status', '=', 'running').executeTakeFirst();
        const asked = Number(r.numUpdatedRows) > 0;
        if (asked) scope.notify(RUN_STOP_CHANNEL, id);
        return asked;
      });
    },
    /** Which of `ids` were asked to stop (a notice missed while the listener was down). */
    async stopRequested(ids: readonly string[]): Promise<string[]> {
      if (ids.length === 0) return [];
      const rows = await db.selectFrom('runs').select('id').where('id', 'in', ids).where('stop_requested', '=', 1).execute();
      return rows.map((r) => r.id);
    },
    /** The run's status, or undefined when it is gone (events readers poll it). */
    async status(id: string): Promise<RunStatus | undefined> {
      return (await db.selectFrom('runs').select('status').where('id', '=', id).executeTakeFirst())?.status;
    },
  };
}
export type RunStore = ReturnType<typeof createRunStore>;
