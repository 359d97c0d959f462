import type { DataLayer } from '../storage/index.ts';
import type { RunEventsStore, StoredRunEvent } from './run-events-store.ts';
import { RUN_EVENTS_CHANNEL, type RunStore } from './run-store.ts';

const PAGE = 500;
// Notices wake readers; these polls are only a safety net (a listener down, a notice lost).
const POLL_LIVE_MS = 5_000;
const POLL_UNSURE_MS = 1_000;

/**
 * Every stored event of a run after `after` (an event number), then the new ones as they are
 * stored, by whichever instance runs it, until the run has ended (or is gone) or `signal` aborts.
 * Woken by the run's change notices, so it reads the table only when there is something to read.
 */
export async function* readRunEvents(
  deps: { data: DataLayer; events: RunEventsStore; runs: Pick<RunStore, 'status'> },
  runId: string,
  after: number,
  signal?: AbortSignal,
): AsyncGenerator<StoredRunEvent> {
  let dirty = true;
  let wake: (() => void) | undefined;
  const poke = () => {
    dirty = true;
    wake?.();
  };
  const off = deps.data.onChange((change) => {
    if (change === null || (change.channel === RUN_EVENTS_CHANNEL && change.id === runId)) poke();
  });
  signal?.addEventListener('abort', poke);
  try {
    let next = Math.max(0, after);
    for (;;) {
      if (signal?.aborted) return;
      dirty = false;
      const page = await deps.events.after(runId, next, PAGE);
      for (const e of page) {
        next = e.seq;
        yield e;
        if (signal?.aborted) return;
      }
      if (page.length === PAGE) continue;
      if (page.length === 0) {
        const status = await deps.runs.status(runId);
        if (status !== 'running') {
          // Its last events were stored before its end: read what came in meanwhile, then stop.
          for (;;) {
            const rest = await deps.events.after(runId, next, PAGE);
            for (const e of rest) {
              next = e.seq;
              yield e;
            }
            if (rest.length < PAGE) return;
          }
        }
      }
      if (dirty) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, deps.data.changesLive ? POLL_LIVE_MS : POLL_UNSURE_MS);
        function done() {
          clearTimeout(timer);
          wake = undefined;
          resolve();
        }
        wake = done;
      });
    }
  } finally {
    off();
    signal?.removeEventListener('abort', poke);
  }
}
