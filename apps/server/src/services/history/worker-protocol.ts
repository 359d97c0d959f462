import type { SentRecord } from '../relay/relay.ts';
import type { HistoryLimits } from './write-batch.ts';

/** Which database the worker opens: the server's own (the same file, or the same URL and schema). */
export type HistoryStorage = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string; schema?: string | undefined };

export interface WorkerSetup {
  storage: HistoryStorage;
  limits: HistoryLimits;
}

export type ToWorker = { type: 'write'; id: number; records: SentRecord[]; secrets: readonly string[] } | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'fatal'; message: string }
  | { type: 'written'; id: number }
  | { type: 'failed'; id: number; message: string }
  | { type: 'closed' };
