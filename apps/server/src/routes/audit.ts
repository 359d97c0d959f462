import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import type { AppDeps } from '../deps.ts';
import { auditQuerySchema } from '../services/audit/index.ts';
import { validate } from '../validate.ts';

/**
 * `/api/audit` (owners only): the audit log, newest first, filtered by action, actor, outcome,
 * environment and time; `/api/audit/export` streams every match as JSON lines.
 */
export function auditRoutes(deps: Pick<AppDeps, 'audit'>) {
  return new Hono()
    .get('/', validate('query', auditQuerySchema), async (c) => c.json(await deps.audit.list(c.req.valid('query'))))
    .get('/export', validate('query', auditQuerySchema.omit({ before: true, limit: true })), (c) => {
      const filter = c.req.valid('query');
      const day = new Date().toISOString().slice(0, 10);
      c.header('content-type', 'application/x-ndjson; charset=utf-8');
      c.header('content-disposition', `attachment; filename="explorer-audit-${day}.jsonl"`);
      c.header('cache-control', 'no-store');
      return stream(c, async (s) => {
        for await (const line of deps.audit.exportLines(filter)) await s.write(line);
      });
    });
}
