import { z } from 'zod';
import { requestTemplateSchema } from '@kinde-explorer/core';

export const historyQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The id of the last entry of the previous page: answers entries older than it. */
  before: z.string().min(1).max(100).optional(),
});
export type HistoryQuery = z.infer<typeof historyQuerySchema>;

export const historySummarySchema = z.object({
  id: z.string(),
  environmentId: z.string(),
  createdAt: z.string(),
  method: z.string(),
  /** The URL as written, `{{variables}}` unexpanded. */
  url: z.string(),
  /** The URL actually requested (secrets redacted); null when the send failed before it. */
  resolvedUrl: z.string().nullable(),
  status: z.number().nullable(),
  durationMs: z.number().nullable(),
  size: z.number().nullable(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
});
export type HistorySummary = z.infer<typeof historySummarySchema>;

export const historyResponseSchema = z.object({
  status: z.number(),
  statusText: z.string(),
  headers: z.array(z.object({ key: z.string(), value: z.string() })),
  body: z.string(),
  bodyEncoding: z.enum(['utf8', 'base64']),
  /** True when only the first part of the body was kept (see `size` for the whole). */
  bodyTruncated: z.boolean(),
  size: z.number(),
  timings: z.object({ tokenMs: z.number(), upstreamMs: z.number(), totalMs: z.number() }),
});
export type HistoryResponse = z.infer<typeof historyResponseSchema>;

export const historyEntrySchema = historySummarySchema.extend({
  request: requestTemplateSchema,
  response: historyResponseSchema.nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const historyPageSchema = z.object({
  entries: z.array(historySummarySchema),
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: z.string().nullable(),
});
