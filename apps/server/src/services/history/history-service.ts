import type { Database } from 'better-sqlite3';
import { apiError } from '../../errors.ts';
import type { SentRecord } from '../relay/relay.ts';
import { DEFAULT_MAX_BODY_BYTES, precut, prepareEntry, type HistoryRow } from './prepare-entry.ts';
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
  db: Database;
  /** Every secret the server knows; scrubbed from entries once more before they are written. */
  secrets?: { list(): readonly string[] };
  logger?: { warn(obj: object, msg: string): void };
}

const SUMMARY_COLUMNS = 'id, environment_id, created_at, method, url, resolved_url, status, duration_ms, size, error_code, error_message';
// Sends far faster than the disk keeps up with are not worth remembering one by one.
const MAX_PENDING = 5000;

/**
 * History per environment. `record` only queues (the relay calls it after answering); the queue
 * is written in one transaction per batch after `flushDelayMs`, and reads flush it first so a
 * list right after a send shows it.
 */
export function createHistoryService(deps: HistoryDeps, opts: HistoryOptions = {}) {
  const { db } = deps;
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const keep = opts.maxEntriesPerEnvironment ?? 1000;
  const delay = opts.flushDelayMs ?? 50;
  let pending: SentRecord[] = [];
  let timer: NodeJS.Timeout | undefined;

  const q = {
    // The environment may have been deleted while the record waited: then nothing is written.
    insert: db.prepare(
      `INSERT INTO history (id, environment_id, created_at, method, url, resolved_url, status, duration_ms, size, error_code, error_message, request_json, response_json)
       SELECT @id, @environment_id, @created_at, @method, @url, @resolved_url, @status, @duration_ms, @size, @error_code, @error_message, @request_json, @response_json
       WHERE EXISTS (SELECT 1 FROM environments WHERE id = @environment_id)`,
    ),
    trim: db.prepare(
      `DELETE FROM history WHERE id IN (
         SELECT id FROM history WHERE environment_id = @env ORDER BY created_at DESC, id DESC LIMIT -1 OFFSET @keep)`,
    ),
    envExists: db.prepare<[string], { id: string }>('SELECT id FROM environments WHERE id = ?'),
    page: db.prepare<[string, number], HistoryRow>(`SELECT ${SUMMARY_COLUMNS} FROM history WHERE environment_id = ? ORDER BY created_at DESC, id DESC LIMIT ?`),
    pageBefore: db.prepare<[string, string, string, number], HistoryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM history WHERE environment_id = ? AND (created_at, id) < (?, ?) ORDER BY created_at DESC, id DESC LIMIT ?`,
    ),
    one: db.prepare<[string], HistoryRow>('SELECT * FROM history WHERE id = ?'),
    clear: db.prepare('DELETE FROM history WHERE environment_id = ?'),
  };

  const writeBatch = db.transaction((rows: HistoryRow[]) => {
    const envs = new Set<string>();
    for (const row of rows) {
      q.insert.run(row);
      envs.add(row.environment_id);
    }
    for (const env of envs) q.trim.run({ env, keep });
  });

  function flush(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0 || !db.open) return;
    const batch = pending;
    pending = [];
    try {
      const secrets = deps.secrets?.list() ?? [];
      writeBatch(batch.map((r) => prepareEntry(r, secrets, maxBody)));
    } catch (err) {
      // History is a convenience: a failed write is logged, never allowed to break anything else.
      deps.logger?.warn({ err, entries: batch.length }, 'could not write history');
    }
  }

  const requireEnvironment = (id: string) => {
    if (!q.envExists.get(id)) throw apiError(404, 'not_found', `Environment ${id} does not exist.`);
  };

  return {
    /** Queues a finished send; returns at once. */
    record(record: SentRecord): void {
      if (pending.length >= MAX_PENDING) pending.shift();
      pending.push(precut(record, maxBody));
      if (!timer) {
        timer = setTimeout(flush, delay);
        timer.unref();
      }
    },

    flush,

    /** Newest first, without bodies. */
    list(environmentId: string, query: HistoryQuery): { entries: HistorySummary[]; nextBefore: string | null } {
      flush();
      requireEnvironment(environmentId);
      let rows: HistoryRow[];
      if (query.before) {
        const anchor = q.one.get(query.before);
        if (!anchor || anchor.environment_id !== environmentId) {
          throw apiError(404, 'not_found', `History entry ${query.before} no longer exists in this environment (history was cleared or trimmed).`);
        }
        rows = q.pageBefore.all(environmentId, anchor.created_at, anchor.id, query.limit);
      } else {
        rows = q.page.all(environmentId, query.limit);
      }
      return { entries: rows.map(toSummary), nextBefore: rows.length === query.limit ? rows[rows.length - 1]!.id : null };
    },

    /** One entry with its request and (capped) response. */
    get(id: string): HistoryEntry {
      flush();
      const row = q.one.get(id);
      if (!row) throw apiError(404, 'not_found', `History entry ${id} does not exist (history may have been cleared).`);
      return {
        ...toSummary(row),
        request: JSON.parse(row.request_json) as HistoryEntry['request'],
        response: row.response_json ? (JSON.parse(row.response_json) as HistoryResponse) : null,
      };
    },

    /** Deletes every entry of the environment, queued ones included. */
    clear(environmentId: string): { deleted: number } {
      flush();
      requireEnvironment(environmentId);
      return { deleted: q.clear.run(environmentId).changes };
    },

    /** Writes what is queued and stops the timer (on shutdown, before the database closes). */
    close(): void {
      flush();
    },
  };
}
export type HistoryService = ReturnType<typeof createHistoryService>;

function toSummary(row: HistoryRow): HistorySummary {
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
