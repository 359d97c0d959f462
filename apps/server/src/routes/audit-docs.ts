import { z } from 'zod';
import { auditEventSchema } from '../services/audit/index.ts';
import type { RouteDoc } from '../openapi/route-doc.ts';

const tag = 'Audit';
const pageSchema = z.object({ events: z.array(auditEventSchema), nextBefore: z.string().nullable() });

/** The audit log routes (routes/audit.ts) for `/api/openapi.json`. */
export const AUDIT_DOCS: RouteDoc[] = [
  { method: 'get', path: '/api/audit', operationId: 'listAuditEvents', tag, summary: 'The audit log, newest first (owners)', description: 'Query: `action` (comma-separated), `actor` (id or email), `outcome`, `environmentId`, `since`, `until` (ISO times), `before` (paging), `limit` (≤ 500).', responses: { 200: { description: 'A page of events', schema: pageSchema } }, errors: [404] },
  { method: 'get', path: '/api/audit/export', operationId: 'exportAuditEvents', tag, summary: 'Every matching event as JSON lines (owners)', description: 'Same filters as `/api/audit`; `application/x-ndjson`, one event per line.', responses: { 200: { description: 'JSON lines', schema: z.string() } } },
];
