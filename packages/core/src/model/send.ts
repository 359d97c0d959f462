import { z } from 'zod';
import { requestTemplateSchema } from './request.ts';

export const sendInputSchema = z.object({
  environmentId: z.string().min(1),
  request: requestTemplateSchema,
  /** Client-chosen id, so the browser can cancel with `DELETE /api/send/:requestId`. */
  requestId: z.string().max(100).optional(),
  /** The saved request's collection: its enabled variables fill what the environment lacks. */
  collectionId: z.string().max(100).optional(),
  /** The saved request (in `collectionId`) the send is of: its folders' scripts run around it, as in a run. */
  savedRequestId: z.string().max(100).optional(),
});
export type SendInput = z.infer<typeof sendInputSchema>;

export const sendTimingsSchema = z.object({
  tokenMs: z.number(),
  upstreamMs: z.number(),
  totalMs: z.number(),
});

export const sendResultSchema = z.object({
  status: z.number(),
  statusText: z.string(),
  headers: z.array(z.object({ key: z.string(), value: z.string() })),
  /** Body as text (UTF-8); binary bodies are base64 with `bodyEncoding: 'base64'`. */
  body: z.string(),
  bodyEncoding: z.enum(['utf8', 'base64']),
  size: z.number(),
  truncated: z.boolean(),
  timings: sendTimingsSchema,
  /** The URL actually requested (secrets redacted). */
  url: z.string(),
});
export type SendResult = z.infer<typeof sendResultSchema>;
