import { z } from 'zod';
import { requestTemplateSchema } from '@kinde-explorer/core';
import { snippetTargetSchema, tokenStyleSchema } from '../snippets/schemas.ts';

const headerSchema = z.object({ key: z.string().max(1024), value: z.string().max(65_536) });

/** A response as the explorer showed it (the shape `POST /api/send` answers, most fields optional). */
export const shareResponseInputSchema = z.object({
  status: z.number().int().min(0).max(999),
  statusText: z.string().max(500).optional(),
  headers: z.array(headerSchema).max(500).optional(),
  body: z.string().max(24 * 1024 * 1024),
  bodyEncoding: z.enum(['utf8', 'base64']).optional(),
  size: z.number().int().min(0).optional(),
  truncated: z.boolean().optional(),
  timings: z.object({ tokenMs: z.number(), upstreamMs: z.number(), totalMs: z.number() }).partial().optional(),
  /** The URL that was requested (as `/api/send` reports it). */
  url: z.string().max(16_384).optional(),
});

export const shareCreateSchema = z.object({
  /** The environment the request was sent with: its secrets are redacted and its plain values fill the snippet. */
  environmentId: z.string().min(1).max(100).optional(),
  title: z.string().trim().max(200).optional(),
  /** The request template, `{{variables}}` unexpanded. */
  request: requestTemplateSchema,
  response: shareResponseInputSchema,
  /** Mask emails, people's names and phone numbers in the stored response body (demo mode). */
  maskPersonalData: z.boolean().optional(),
});
export type ShareCreate = z.infer<typeof shareCreateSchema>;

export const shareCreatedSchema = z.object({
  id: z.string(),
  /** Path of the read-only page in the web app, e.g. `/share/<id>`. */
  url: z.string(),
});

export const shareSummarySchema = z.object({
  id: z.string(),
  url: z.string(),
  title: z.string(),
  method: z.string(),
  requestUrl: z.string(),
  status: z.number(),
  environmentName: z.string().nullable(),
  createdAt: z.string(),
});
export type ShareSummary = z.infer<typeof shareSummarySchema>;

export const storedResponseSchema = z.object({
  status: z.number(),
  statusText: z.string(),
  headers: z.array(headerSchema),
  body: z.string(),
  bodyEncoding: z.enum(['utf8', 'base64']),
  /** The body was cut at the share size limit. */
  bodyTruncated: z.boolean(),
  /** A binary body is not kept in a share (it cannot be checked for secrets). */
  bodyOmitted: z.boolean(),
  size: z.number().nullable(),
  timings: z.object({ tokenMs: z.number(), upstreamMs: z.number(), totalMs: z.number() }).partial(),
  url: z.string().nullable(),
});
export type StoredResponse = z.infer<typeof storedResponseSchema>;

export const shareViewSchema = shareSummarySchema.extend({
  request: requestTemplateSchema,
  response: storedResponseSchema,
  personalDataMasked: z.boolean(),
  /** Whether code can be generated for it (`POST /api/shares/:id/snippet`). */
  snippetAvailable: z.boolean(),
});
export type ShareView = z.infer<typeof shareViewSchema>;

export const shareSnippetInputSchema = z.object({
  target: snippetTargetSchema,
  tokenStyle: tokenStyleSchema.optional(),
});

export const shareIdParam = z.object({ id: z.string().min(1).max(100) });
