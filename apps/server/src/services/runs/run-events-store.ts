import type { DataLayer } from '../storage/index.ts';
import { RUN_EVENTS_CHANNEL } from './run-store.ts';

/** One stored event: its number in the run (from 1, the SSE id), its type and its JSON. */
export interface StoredRunEvent {
  seq: number;
  type: string;
  data: string;
}

/**
 * The events of runs in the database (`run_events`), so a reader on any instance can replay and
 * follow them. The only file that knows that table; rows go with their run (foreign key).
 */
export function createRunEventsStore(data: DataLayer) {
  return {
    /** Appends a batch of one run's events and tells every instance's readers (a notice with the run id, never the events). */
    async append(runId: string, events: readonly StoredRunEvent[]): Promise<void> {
      if (events.length === 0) return;
      await data.transaction(
        async (trx, scope) => {
          await trx
            .insertInto('run_events')
            .values(events.map((e) => ({ run_id: runId, seq: e.seq, type: e.type, data_json: e.data })))
            .execute();
          scope.notify(RUN_EVENTS_CHANNEL, runId);
        },
        // Live progress is a convenience (the result is stored on its own): no fsync per batch.
        { durable: false },
      );
    },
    /** Up to `limit` events of `runId` numbered after `after`, in order. */
    async after(runId: string, after: number, limit: number): Promise<StoredRunEvent[]> {
      const rows = await data.db
        .selectFrom('run_events')
        .select(['seq', 'type', 'data_json'])
        .where('run_id', '=', runId)
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ seq: r.seq, type: r.type, data: r.data_json }));
    },
  };
}
export type RunEventsStore = ReturnType<typeof createRunEventsStore>;
