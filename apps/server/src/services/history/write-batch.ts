import type { DataLayer } from '../storage/index.ts';
import type { SentRecord } from '../relay/relay.ts';
import { prepareEntry } from './prepare-entry.ts';

/** Caps that apply to every batch, wherever it is written. */
export interface HistoryLimits {
  /** Stored response bodies are cut here and flagged `bodyTruncated`. */
  maxBodyBytes: number;
  /** Older entries beyond this many per environment are dropped. */
  maxEntriesPerEnvironment: number;
}

// Rows per INSERT: well under either engine's limit of bound parameters.
const INSERT_CHUNK = 500;

/**
 * Redacts (every secret the server knows, any JWT, credential headers) and caps each record,
 * then writes the batch in one transaction and trims each environment to its newest entries.
 */
export function writeHistoryBatch(data: DataLayer, records: readonly SentRecord[], secrets: readonly string[], limits: HistoryLimits): Promise<void> {
  const rows = records.map((r) => prepareEntry(r, secrets, limits.maxBodyBytes));
  const keep = limits.maxEntriesPerEnvironment;
  // Losing the newest batch on power loss is harmless: no fsync per batch (`durable: false`).
  return data.transaction(
    async (trx) => {
      const envIds = [...new Set(rows.map((r) => r.environment_id))];
      // The environment may have been deleted while the record waited: then nothing is written.
      const live = new Set((await trx.selectFrom('environments').select('id').where('id', 'in', envIds).execute()).map((e) => e.id));
      const kept = rows.filter((r) => live.has(r.environment_id));
      for (let i = 0; i < kept.length; i += INSERT_CHUNK) await trx.insertInto('history').values(kept.slice(i, i + INSERT_CHUNK)).execute();
      for (const env of live) {
        const cutoff = await trx
          .selectFrom('history')
          .select(['created_at', 'id'])
          .where('environment_id', '=', env)
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .limit(1)
          .offset(keep)
          .executeTakeFirst();
        if (!cutoff) continue;
        await trx
          .deleteFrom('history')
          .where('environment_id', '=', env)
          .where((eb) => eb(eb.refTuple('created_at', 'id'), '<=', eb.tuple(cutoff.created_at, cutoff.id)))
          .execute();
      }
    },
    { durable: false },
  );
}
