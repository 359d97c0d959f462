import type { RunEvent } from '@kinde-explorer/runner';
import { createEventBudget, type EventLimits } from './event-budget.ts';
import type { RunEventsStore, StoredRunEvent } from './run-events-store.ts';

const BATCH = 500;

/**
 * The writer of one run's events: each is numbered, bounded and stored as it happens, in
 * batches (while one batch is written the next events gather, so a fast run costs a few
 * transactions, a slow one one per event). `end()` waits until everything pushed is stored.
 */
export function createRunEventLog(store: RunEventsStore, runId: string, opts: { limits?: EventLimits; onError?: (err: unknown) => void } = {}) {
  const fit = createEventBudget(opts.limits);
  const pending: StoredRunEvent[] = [];
  let seq = 0;
  let writing: Promise<void> | undefined;
  let failed = false;

  async function drain(): Promise<void> {
    while (pending.length > 0) {
      const batch = pending.splice(0, BATCH);
      try {
        await store.append(runId, batch);
      } catch (err) {
        // Readers miss these (the run's result is stored on its own); said once per run.
        if (!failed) opts.onError?.(err);
        failed = true;
      }
    }
  }

  const kick = (): void => {
    writing ??= drain().finally(() => {
      writing = undefined;
      if (pending.length > 0) kick(); // pushed after the last batch was taken
    });
  };

  return {
    push(event: RunEvent): void {
      const data = fit(event);
      if (data === undefined) return;
      pending.push({ seq: ++seq, type: event.type, data });
      kick();
    },
    /** How many events were stored (or are on their way). */
    get count(): number {
      return seq;
    },
    async end(): Promise<void> {
      while (writing || pending.length > 0) {
        kick();
        await writing;
      }
    },
  };
}
