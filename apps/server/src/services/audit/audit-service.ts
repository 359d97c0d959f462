import { randomBytes } from 'node:crypto';
import { apiError } from '../../errors.ts';
import type { DataLayer } from '../storage/index.ts';
import type { AuditEventsTable } from '../storage/schema.ts';
import type { AuditAction, AuditDetail, AuditEvent, AuditFilter, AuditQuery } from './schemas.ts';

/** Who did it: a named account, a shared-password role (no id, no email), or nobody signed in. */
export interface Actor {
  id: string | null;
  email: string | null;
  role: string | null;
}

export interface AuditInput {
  action: AuditAction;
  outcome?: 'success' | 'failure';
  actor: Actor | null;
  client?: string | null;
  environment?: { id: string; name?: string | null } | null;
  target?: string | null;
  detail?: AuditDetail;
}

export interface AuditOptions {
  /** False when sign-in is off: nobody to name and no owner to read it, so nothing is kept. */
  enabled?: boolean;
  /** How long entries wait to be written together (default 50 ms). */
  flushDelayMs?: number;
  /** Entries older than this are deleted (default 365 days). */
  retentionDays?: number;
  now?: () => number;
}

export interface AuditDeps {
  data: DataLayer;
  /** Every secret the server knows: scrubbed from every text field once more before writing. */
  secrets?: { scrub(text: string): string };
  logger?: { warn(obj: object, msg: string): void };
}

// Far more events than the database keeps up with are dropped oldest first (and said so).
const MAX_PENDING = 10_000;
const INSERT_CHUNK = 300;
const EXPORT_PAGE = 1000;
const TRIM_EVERY_MS = 3_600_000;

export type AuditService = ReturnType<typeof createAuditService>;

let sequence = 0;
/** Sorts in the order events were recorded on this instance (time, then a counter), unique across instances. */
function eventId(at: number): string {
  sequence = (sequence + 1) % 36 ** 6;
  return `${at.toString(36).padStart(9, '0')}${sequence.toString(36).padStart(6, '0')}${randomBytes(5).toString('hex')}`;
}

/**
 * The audit log. `record` only queues (a send's answer never waits for it); the queue is written
 * in one transaction per batch, like history. Reads flush first, so the log is current.
 */
export function createAuditService(deps: AuditDeps, opts: AuditOptions = {}) {
  const { data } = deps;
  const { db } = data;
  const now = opts.now ?? Date.now;
  const delay = opts.flushDelayMs ?? 50;
  const enabled = opts.enabled ?? true;
  const retentionMs = (opts.retentionDays ?? 365) * 86_400_000;
  const scrub = (text: string | null) => (text === null || !deps.secrets ? text : deps.secrets.scrub(text));
  let pending: AuditEventsTable[] = [];
  let dropped = 0;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let lastTrim = 0;
  let writing: Promise<void> = Promise.resolve();

  const writeBatch = (rows: AuditEventsTable[]) =>
    data.transaction(
      async (trx) => {
        for (let i = 0; i < rows.length; i += INSERT_CHUNK) await trx.insertInto('audit_events').values(rows.slice(i, i + INSERT_CHUNK)).execute();
        if (now() - lastTrim > TRIM_EVERY_MS) {
          lastTrim = now();
          await trx.deleteFrom('audit_events').where('at', '<', new Date(now() - retentionMs).toISOString()).execute();
        }
      },
      { durable: false },
    );

  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pending.length > 0) {
      const batch = pending.map((r) => ({
        ...r,
        actor_email: scrub(r.actor_email),
        environment_name: scrub(r.environment_name),
        target: scrub(r.target),
        detail_json: scrub(r.detail_json)!,
      }));
      const lost = dropped;
      pending = [];
      dropped = 0;
      writing = writing.then(async () => {
        if (lost) deps.logger?.warn({ dropped: lost }, 'audit events dropped: more arrived than the database could take');
        try {
          await writeBatch(batch);
        } catch (err) {
          deps.logger?.warn({ err, events: batch.length }, 'could not write audit events');
        }
      });
    }
    return writing;
  }

  const toEvent = (r: AuditEventsTable): AuditEvent => ({
    id: r.id,
    at: r.at,
    action: r.action as AuditAction,
    outcome: r.outcome,
    actor: { id: r.actor_id, email: r.actor_email, role: r.actor_role },
    client: r.client,
    environment: r.environment_id ? { id: r.environment_id, name: r.environment_name } : null,
    target: r.target,
    detail: JSON.parse(r.detail_json) as AuditDetail,
  });

  const filtered = (f: AuditFilter) => {
    let q = db.selectFrom('audit_events').selectAll();
    if (f.action?.length) q = q.where('action', 'in', f.action);
    if (f.actor) q = q.where((eb) => eb.or([eb('actor_id', '=', f.actor!), eb('actor_email', '=', f.actor!.toLowerCase())]));
    if (f.outcome) q = q.where('outcome', '=', f.outcome);
    if (f.environmentId) q = q.where('environment_id', '=', f.environmentId);
    if (f.since) q = q.where('at', '>=', new Date(f.since).toISOString());
    if (f.until) q = q.where('at', '<', new Date(f.until).toISOString());
    return q.orderBy('at', 'desc').orderBy('id', 'desc');
  };

  const page = async (f: AuditFilter, before: { at: string; id: string } | null, limit: number) => {
    let q = filtered(f);
    if (before) q = q.where((eb) => eb(eb.refTuple('at', 'id'), '<', eb.tuple(before.at, before.id)));
    return q.limit(limit).execute();
  };

  return {
    /** False while sign-in is off: nothing is recorded, so callers need not build events. */
    enabled,
    /** Queues an event; returns at once. */
    record(input: AuditInput): void {
      if (closed || !enabled) return;
      if (pending.length >= MAX_PENDING) {
        pending.shift();
        dropped += 1;
      }
      const at = now();
      pending.push({
        id: eventId(at),
        at: new Date(at).toISOString(),
        action: input.action,
        outcome: input.outcome ?? 'success',
        actor_id: input.actor?.id ?? null,
        actor_email: input.actor?.email ?? null,
        actor_role: input.actor?.role ?? null,
        client: input.client ?? null,
        environment_id: input.environment?.id ?? null,
        environment_name: input.environment?.name ?? null,
        target: input.target ?? null,
        detail_json: JSON.stringify(input.detail ?? {}),
      });
      if (!timer) {
        timer = setTimeout(() => void flush(), delay);
        timer.unref();
      }
    },

    flush,

    /** Newest first; `nextBefore` pages on. */
    async list(query: AuditQuery): Promise<{ events: AuditEvent[]; nextBefore: string | null }> {
      await flush();
      let anchor: { at: string; id: string } | null = null;
      if (query.before) {
        anchor = (await db.selectFrom('audit_events').select(['at', 'id']).where('id', '=', query.before).executeTakeFirst()) ?? null;
        if (!anchor) throw apiError(404, 'not_found', `Audit entry ${query.before} no longer exists (older entries are deleted after the retention period); reload from the start.`);
      }
      const rows = await page(query, anchor, query.limit);
      return { events: rows.map(toEvent), nextBefore: rows.length === query.limit ? rows[rows.length - 1]!.id : null };
    },

    /** Every matching entry, newest first, one JSON object per line. */
    async *exportLines(filter: AuditFilter): AsyncGenerator<string> {
      await flush();
      let before: { at: string; id: string } | null = null;
      for (;;) {
        const rows = await page(filter, before, EXPORT_PAGE);
        for (const r of rows) yield `${JSON.stringify(toEvent(r))}\n`;
        if (rows.length < EXPORT_PAGE) return;
        const last = rows[rows.length - 1]!;
        before = { at: last.at, id: last.id };
      }
    },

    /** Writes what is queued and stops taking more. */
    async close(): Promise<void> {
      await flush();
      closed = true;
    },
  };
}
