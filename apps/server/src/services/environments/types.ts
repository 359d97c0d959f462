import type { EnvironmentCreate, EnvironmentUpdate, EnvironmentView } from '@kinde-explorer/core';

/**
 * An environment ready for the token exchange and the relay: enabled variables only, secrets
 * decrypted. Server-side only — never serialise it into a response or a log line.
 */
export interface ResolvedEnvironment {
  id: string;
  name: string;
  /** The normalised `business_domain` (e.g. `https://myapp.kinde.com`), or null when unset. */
  businessDomain: string | null;
  /** Enabled variables by key, secrets included in plain text. */
  variables: Record<string, string>;
  /** Every secret plaintext of this environment, for redacting responses and history. */
  secretValues: string[];
}

export interface EnvironmentsService {
  list(): Promise<EnvironmentView[]>;
  /** Rejects with `ApiError` 404 `not_found` when there is no such environment. */
  get(id: string): Promise<EnvironmentView>;
  create(input: EnvironmentCreate): Promise<EnvironmentView>;
  /** Replaces the variable list when given; a secret sent with a null/absent value keeps its stored value. */
  update(id: string, patch: EnvironmentUpdate): Promise<EnvironmentView>;
  remove(id: string): Promise<void>;
  /** Rejects with `ApiError` 404 `not_found`; see `ResolvedEnvironment`. Served from memory until the environment changes on any instance. */
  getResolved(id: string): Promise<ResolvedEnvironment>;
  /** Whether the environment exists (cheap; from the cache when it can). */
  exists(id: string): Promise<boolean>;
  findByName(name: string): Promise<EnvironmentView | undefined>;
  /**
   * Called with the id after an update or delete, on this instance or another (e.g. so cached
   * tokens are dropped); `null` when changes may have been missed. Returns an unsubscribe.
   */
  onChange(listener: (id: string | null, kind: EnvironmentChangeKind) => void): () => void;
}

/** `reset` (with a null id): changes may have been missed, forget everything cached. */
export type EnvironmentChangeKind = 'updated' | 'deleted' | 'reset';
