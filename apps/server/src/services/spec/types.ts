import type { OpenApiDoc, OperationDetail, OperationSummary } from '@kinde-explorer/core';

export type SpecState = 'loading' | 'ready' | 'unavailable';

export interface SpecStatus {
  status: SpecState;
  /** Where the loaded spec came from: a path, a URL, `cache`, `upload`. */
  source: string | null;
  /** For people: what happened and, when unavailable, how to provide a spec. */
  message: string;
  operations: number;
  title: string | null;
  version: string | null;
  loadedAt: string | null;
}

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
