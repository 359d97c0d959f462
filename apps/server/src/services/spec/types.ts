import { z } from 'zod';
import type { OpenApiDoc, OperationDetail, OperationSummary } from '@kinde-explorer/core';

export const specStatusSchema = z.object({
  status: z.enum(['loading', 'ready', 'unavailable']),
  /** Where the loaded spec came from: a path, a URL, `cache`, `upload`. */
  source: z.string().nullable(),
  /** For people: what happened and, when unavailable, how to provide a spec. */
  message: z.string(),
  operations: z.number().int(),
  title: z.string().nullable(),
  version: z.string().nullable(),
  loadedAt: z.string().nullable(),
});
export type SpecStatus = z.infer<typeof specStatusSchema>;
export type SpecState = SpecStatus['status'];

export interface SpecService {
  status(): SpecStatus;
  /** Resolves once the current load attempt has finished (ready or unavailable). */
  settled(): Promise<SpecStatus>;
  /** Throws `ApiError` 503 `spec_unavailable` when no spec is loaded. */
  catalog(): OperationSummary[];
  /** The operation in full; throws 404 `not_found` / 503 `spec_unavailable`. */
  operation(operationId: string): OperationDetail;
  /** The parsed, dereferenced document, when ready. */
  document(): OpenApiDoc | undefined;
  /** Validates and installs a spec given as text; throws `ApiError` 400 with the problems found. */
  replaceSpec(text: string, source?: string): Promise<SpecStatus>;
  /** Downloads, validates and installs a spec from an http(s) URL. */
  replaceFromUrl(url: string): Promise<SpecStatus>;
}
