// Switches to core's OpenApiDoc type once core exports it.
type OpenApiDoc = Record<string, unknown>;

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

/** One line of the catalog: enough to list and search operations. */
export interface CatalogEntry {
  operationId: string;
  method: string;
  path: string;
  tag: string;
  summary: string;
  scope: string | null;
  deprecated: boolean;
}

export interface SpecService {
  status(): SpecStatus;
  /** Resolves once the current load attempt has finished (ready or unavailable). */
  settled(): Promise<SpecStatus>;
  /** Throws `ApiError` 503 `spec_unavailable` when no spec is loaded. */
  catalog(): CatalogEntry[];
  /** The operation in full (dereferenced); throws 404 / 503. */
  operation(operationId: string): Record<string, unknown>;
  /** The parsed, dereferenced document, when ready. */
  document(): OpenApiDoc | undefined;
  /** Validates and installs a spec given as text; throws `ApiError` 400 with the problems found. */
  replaceSpec(text: string, source?: string): Promise<SpecStatus>;
  /** Downloads, validates and installs a spec from an http(s) URL. */
  replaceFromUrl(url: string): Promise<SpecStatus>;
}
