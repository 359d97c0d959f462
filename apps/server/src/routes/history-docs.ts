import { z } from 'zod';
import type { RouteDoc } from '../openapi/route-doc.ts';
import { historyEntrySchema, historyPageSchema } from '../services/history/index.ts';

const tag = 'History';

/** The history routes (routes/history.ts) for `/api/openapi.json`. */
export const HISTORY_DOCS: RouteDoc[] = [
  { method: 'get', path: '/api/environments/:id/history', operationId: 'listHistory', tag, summary: 'Sent requests of an environment, newest first, without bodies', description: 'Query: `limit` (1–200, default 50) and `before` (the `nextBefore` of the previous page). At most 1000 entries are kept per environment.', responses: { 200: { description: 'One page', schema: historyPageSchema } }, errors: [404] },
  { method: 'delete', path: '/api/environments/:id/history', operationId: 'clearHistory', tag, summary: 'Clear the environment’s history', responses: { 200: { description: 'Cleared', schema: z.object({ deleted: z.number() }) } }, errors: [404] },
  { method: 'get', path: '/api/history/:id', operationId: 'getHistoryEntry', tag, summary: 'One entry: the request as written and the response (body capped at 256 KB, `bodyTruncated`)', description: 'No secret or token is stored: secret values and JWTs read `[redacted]`, credential headers are dropped.', responses: { 200: { description: 'The entry', schema: historyEntrySchema } }, errors: [404] },
];
