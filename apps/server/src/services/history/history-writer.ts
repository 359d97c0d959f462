import type { DataLayer } from '../storage/index.ts';
import type { SentRecord } from '../relay/relay.ts';
import { writeHistoryBatch, type HistoryLimits } from './write-batch.ts';

/**
 * Where history batches are redacted and written. Both writers answer only once the batch is
 * committed, so a read after `write` resolves sees it; a failed batch rejects.
 */
export interface HistoryWriter {
  /** `secrets`: every secret the server knows right now, scrubbed from the entries before they are stored. */
  write(records: SentRecord[], secrets: readonly string[]): Promise<void>;
  /** A batch is coming (a record was queued): a writer that starts slowly can start now. */
  warm?(): void;
  close(): Promise<void>;
}

/** On the server's own thread and data layer (tests, and `HISTORY_WRITER=inline`). */
export function inlineHistoryWriter(data: DataLayer, limits: HistoryLimits): HistoryWriter {
  return {
    write: (records, secrets) => writeHistoryBatch(data, records, secrets, limits),
    close: async () => {},
  };
}
