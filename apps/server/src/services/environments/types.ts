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
  list(): EnvironmentView[];
  /** Throws `ApiError` 404 `not_found` when there is no such environment. */
  get(id: string): EnvironmentView;
  create(input: EnvironmentCreate): EnvironmentView;
  /** Replaces the variable list when given; a secret sent with a null/absent value keeps its stored value. */
  update(id: string, patch: EnvironmentUpdate): EnvironmentView;
  remove(id: string): void;
  /** Throws `ApiError` 404 `not_found`; see `ResolvedEnvironment`. */
  getResolved(id: string): ResolvedEnvironment;
  findByName(name: string): EnvironmentView | undefined;
  /** Called with the id after an update or delete (e.g. so cached tokens are dropped). Returns an unsubscribe. */
  onChange(listener: (id: string, kind: 'updated' | 'deleted') => void): () => void;
}
