import { apiError } from '../../errors.ts';
import type { DataLayer } from '../storage/index.ts';
import type { SentRecord } from '../relay/relay.ts';
import { inlineHistoryWriter, type HistoryWriter } from './history-writer.ts';
import { DEFAULT_MAX_BODY_BYTES, precut, type HistoryRow } from './prepare-entry.ts';
import type { HistoryLimits } from './write-batch.ts';
import type { HistoryEntry, HistoryQuery, HistoryResponse, HistorySummary } from './schemas.ts';

export interface HistoryOptions {
  /** Stored response bodies are cut here (default 256 KB) and flagged `bodyTruncated`. */
  maxBodyBytes?: number;
  /** Older entries beyond this many per environment are dropped (default 1000). */
  maxEntriesPerEnvironment?: number;
  /** How long records wait to be written together (default 50 ms). */
  flushDelayMs?: number;
}

export interface HistoryDeps {
  data: DataLayer;
  /** Every secret the server knows; scrubbed from entries once more before they are written. */
  secrets?: { list(): readonly string[] };
  logger?: { warn(obj: object, msg: string): void };
  /**
   * Where batches are redacted and written: on a worker thread (`workerHistoryWriter`, what the
   * server uses) or, by default, inline on `data`.
   */
  writer?: (limits: HistoryLimits) => HistoryWriter;
}

const SUMMARY_COLUMNS = ['id', 'environment_id', 'created_at', 'method', 'url', 'resolved_url', 'status', 'duration_ms', 'size', 'error_code', 'error_message'] as const;
// Sends far faster than the disk keeps up with are not worth remembering one by one.
const MAX_PENDING = 5000;

type SummaryRow = Omit<HistoryRow, 'request_json' | 'response_json'>;

/**
 * History per environment. `record` only queues what the relay reported (the relay calls it after
 * answering; nothing is redacted or encoded on the send's path); the queue goes to the writer as
 * one batch after `flushDelayMs`, and reads flush it first so a list right after a send shows it.
 */
export function createHistoryService(deps: HistoryDeps, opts: HistoryOptions = {}) {
  const { data } = deps;
  const { db } = data;
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const keep = opts.maxEntriesPerEnvironment ?? 1000;
  const delay = opts.flushDelayMs ?? 50;
  let pending: SentRecord[] = [];
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  // Batches are written one after another, in the order they were queued.
  let writing: Promise<void> = Promise.resolve();

  const limits: HistoryLimits = { maxBodyBytes: maxBody, maxEntriesPerEnvironment: keep };
  const writer = deps.writer?.(limits) ?? inlineHistoryWriter(data, limits);

  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pending.length > 0) {
      const batch = pending;
      pending = [];
      writing = writing.then(async () => {
        try {
          await writer.write(batch, deps.secrets?.list() ?? []);
        } catch (err) {
          // History is a convenience: a failed write is logged, never allowed to break anything else.
          deps.logger?.warn({ err, entries: batch.length }, 'could not write history');
        }
      });
    }
    return writing;
  }

  const requireEnvironment = async (id: string) => {
    const env = await db.selectFrom('environments').select('id').where('id', '=', id).executeTakeFirst();
    if (!env) throw apiError(404, 'not_found', `Environment ${id} does not exist.`);
  };

  const one = (id: string) => db.selectFrom('history').selectAll().where('id', '=', id).executeTakeFirst();

  return {
    /** Queues a finished send; returns at once. */
    record(record: SentRecord): void {
      if (closed) return;
      if (pending.length >= MAX_PENDING) pending.shift();
      pending.push(precut(record, maxBody));
      if (!timer) {
        writer.warm?.();
        timer = setTimeout(() => void flush(), delay);
        timer.unref();
      }
    },

    flush,

    /** Newest first, without bodies. */
    async list(environmentId: string, query: HistoryQuery): Promise<{ entries: HistorySummary[]; nextBefore: string | null }> {
      await flush();
      await requireEnvironment(environmentId);
      let page = db.selectFrom('history').select(SUMMARY_COLUMNS).where('environment_id', '=', environmentId);
      if (query.before) {
        const anchor = await one(query.before);
        if (!anchor || anchor.environment_id !== environmentId) {
          throw apiError(404, 'not_found', `History entry ${query.before} no longer exists in this environment (history was cleared or trimmed).`);
        }
        page = page.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(anchor.created_at, anchor.id)));
      }
      const rows: SummaryRow[] = await page.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
      return { entries: rows.map(toSummary), nextBefore: rows.length === query.limit ? rows[rows.length - 1]!.id : null };
    },

    /** One entry with its request and (capped) response. */
    async get(id: string): Promise<HistoryEntry> {
      await flush();
      const row = await one(id);
      if (!row) throw apiError(404, 'not_found', `History entry ${id} does not exist (history may have been cleared).`);
      return {
        ...toSummary(row),
        request: JSON.parse(row.request_json) as HistoryEntry['request'],
        response: row.response_json ? (JSON.parse(row.response_json) as HistoryResponse) : null,
      };
    },

    /** Deletes every entry of the environment, queued ones included. */
    async clear(environmentId: string): Promise<{ deleted: number }> {
      await flush();
      await requireEnvironment(environmentId);
      const result = await db.deleteFrom('history').where('environment_id', '=', environmentId).executeTakeFirst();
      return { deleted: Number(result.numDeletedRows) };
    },

    /** Writes what is queued and stops taking more (on shutdown, before the database closes). */
    async close(): Promise<void> {
      await flush();
      closed = true;
      await writer.close();
    },
  };
}
export type HistoryService = ReturnType<typeof createHistoryService>;

function toSummary(row: SummaryRow): HistorySummary {
  return {
    id: row.id,
    environmentId: row.environment_id,
    createdAt: row.created_at,
    method: row.method,
    url: row.url,
    resolvedUrl: row.resolved_url,
    status: row.status,
    durationMs: row.duration_ms,
    size: row.size,
    errorCode: row.error_code,
    errorMessage: row.error_message,
  };
}
