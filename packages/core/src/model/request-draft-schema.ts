import { z } from 'zod';
import { pathParamSchema } from '../catalog/catalog-schema.ts';
import { httpMethodSchema, requestAuthSchema } from './request.ts';
import { assertionSchema, captureSchema } from './tests.ts';

/**
 * The editor's model of one request: an unsaved tab. Unlike a `RequestTemplate` (what is sent
 * and saved) it keeps every body mode's content, disabled rows, and row ids for stable focus.
 * The helpers that build and convert drafts are in `request-draft.ts`, which imports types only
 * (the web app bundles it without zod).
 */

/** One editable row of the query, headers or form tables. */
export const keyValueRowSchema = z.object({
  id: z.string(),
  key: z.string(),
  value: z.string(),
  enabled: z.boolean(),
});
export type KeyValueRow = z.infer<typeof keyValueRowSchema>;

export const bodyModeSchema = z.enum(['none', 'json', 'text', 'urlencoded', 'multipart']);
export type BodyMode = z.infer<typeof bodyModeSchema>;

/** The unsaved state of one request tab; every body mode keeps its content when switching. */
export const requestDraftSchema = z.object({
  method: httpMethodSchema,
  url: z.string(),
  /** Kept in step with the URL's query string; disabled rows stay here only. */
  query: z.array(keyValueRowSchema),
  headers: z.array(keyValueRowSchema),
  bodyMode: bodyModeSchema,
  json: z.string(),
  text: z.string(),
  textContentType: z.string(),
  urlencoded: z.array(keyValueRowSchema),
  multipart: z.array(keyValueRowSchema),
  auth: requestAuthSchema,
  /** Set when the tab was opened from the API catalog: the spec operation it calls. */
  operationId: z.string().optional(),
  /** The operation's `{param}` values, filled into the URL when sending. */
  pathParams: z.array(pathParamSchema).optional(),
  /** The Tests sub-tab: assertion and capture rows (with row ids for React) and the two scripts ('' = none). */
  assertions: z.array(z.intersection(assertionSchema, z.object({ id: z.string() }))).optional(),
  captures: z.array(z.intersection(captureSchema, z.object({ id: z.string() }))).optional(),
  preRequestScript: z.string().optional(),
  testScript: z.string().optional(),
});

/** A row of the assertions or captures table: the model's fields with a row id for React. */
export type TestRow<T> = T & { id: string };
export type RequestDraft = z.infer<typeof requestDraftSchema>;
