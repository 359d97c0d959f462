/**
 * The history writer's worker thread: its own connection to the server's database (SQLite file
 * in WAL mode, or a small PostgreSQL pool), where each batch is redacted, capped, written and
 * trimmed, off the server's event loop. Started by `workerHistoryWriter`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { DataLayer } from '../storage/index.ts';
import { openPostgres } from '../storage/postgres.ts';
import { openSqlite } from '../storage/sqlite.ts';
import { writeHistoryBatch } from './write-batch.ts';
import type { ToWorker, FromWorker, WorkerSetup } from './worker-protocol.ts';

const setup = workerData as WorkerSetup;
const port = parentPort!;
const post = (m: FromWorker) => port.postMessage(m);

async function open(): Promise<DataLayer> {
  if (setup.storage.engine === 'sqlite') return openSqlite(setup.storage.file);
  return openPostgres({ url: setup.storage.url, ...(setup.storage.schema ? { schema: setup.storage.schema } : {}), poolSize: 2, listen: false });
}

const opened = open();
opened.then(
  () => post({ type: 'ready' }),
  (err: unknown) => post({ type: 'fatal', message: (err as Error).message }),
);

// prepareEntry compiles one scrubbing pattern per secrets array: keep the array while its content is the same.
let secrets: readonly string[] = [];
const sameSecrets = (next: readonly string[]) => next.length === secrets.length && next.every((s, i) => s === secrets[i]);

// One batch at a time, in the order they came.
let queue: Promise<void> = Promise.resolve();
port.on('message', (m: ToWorker) => {
  queue = queue.then(async () => {
    if (m.type === 'close') {
      await (await opened.catch(() => undefined))?.close();
      post({ type: 'closed' });
      port.close();
      return;
    }
    try {
      const data = await opened;
      if (!sameSecrets(m.secrets)) secrets = m.secrets;
      await writeHistoryBatch(data, m.records, secrets, setup.limits);
      post({ type: 'written', id: m.id });
    } catch (err) {
      post({ type: 'failed', id: m.id, message: (err as Error).message });
    }
  });
});
