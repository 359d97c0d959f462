import { Worker } from 'node:worker_threads';
import type { HistoryWriter } from './history-writer.ts';
import type { FromWorker, HistoryStorage, ToWorker, WorkerSetup } from './worker-protocol.ts';
import type { HistoryLimits } from './write-batch.ts';

export type { HistoryStorage } from './worker-protocol.ts';

/**
 * The bundle (dist/main.js) starts dist/history-worker.js; from the sources (tsx, tests) a small
 * JavaScript file loads history-worker.ts through tsx, which a worker cannot import by itself.
 */
function spawn(setup: WorkerSetup): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    return new Worker(new URL('./history-worker-boot.mjs', here), { workerData: { ...setup, entry: new URL('./history-worker.ts', here).href } });
  }
  return new Worker(new URL('./history-worker.js', here), { workerData: setup });
}

/**
 * Writes history batches on a worker thread with its own connection to the same database, so
 * the redaction, JSON encoding, INSERT and trim of every send run off the server's event loop.
 * The worker starts with the first record queued (`warm`); if it dies (or cannot open the database) the batches
 * it held fail and the next batch starts a new one.
 */
export function workerHistoryWriter(storage: HistoryStorage, limits: HistoryLimits): HistoryWriter {
  let worker: Worker | undefined;
  let closed: Promise<void> | undefined;
  let nextId = 1;
  const waiting = new Map<number, { resolve(): void; reject(err: Error): void }>();

  const failAll = (err: Error) => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };

  function start(): Worker {
    const w = spawn({ storage, limits });
    // Never keeps the process alive by itself: `close` drains it on shutdown.
    w.unref();
    w.on('message', (m: FromWorker) => {
      if (m.type === 'written' || m.type === 'failed') {
        const entry = waiting.get(m.id);
        waiting.delete(m.id);
        if (m.type === 'written') entry?.resolve();
        else entry?.reject(new Error(m.message));
      } else if (m.type === 'fatal' && worker === w) {
        // It could not open the database: let the batches it holds fail, and start afresh next time.
        worker = undefined;
        void w.terminate();
      }
    });
    w.on('error', (err) => {
      if (worker === w) worker = undefined;
      failAll(err);
    });
    w.on('exit', (code) => {
      if (worker === w) worker = undefined;
      failAll(new Error(`the history worker stopped (exit code ${code})`));
    });
    return w;
  }

  return {
    warm() {
      if (!closed) worker ??= start();
    },
    write(records, secrets) {
      if (closed) return Promise.reject(new Error('the history writer is closed'));
      worker ??= start();
      const id = nextId++;
      const message: ToWorker = { type: 'write', id, records, secrets };
      const done = new Promise<void>((resolve, reject) => waiting.set(id, { resolve, reject }));
      worker.postMessage(message);
      return done;
    },
    close() {
      closed ??= (async () => {
        const w = worker;
        if (!w) return;
        // Batches already posted are written first: the worker handles messages in order.
        const exited = new Promise<void>((resolve) => w.once('exit', () => resolve()));
        w.postMessage({ type: 'close' } satisfies ToWorker);
        await exited;
      })();
      return closed;
    },
  };
}
