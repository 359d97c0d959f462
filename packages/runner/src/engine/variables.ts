import type { CollectionVariable } from '@kinde-explorer/core';
import type { ScopeName, ScopeValues, ScriptOutcome } from '../sandbox/sandbox.ts';
import type { RunEnvironment } from '../types.ts';

/**
 * The variables of one run, in Postman's scopes. Scripts and captures change them for the rest of
 * the run only; what changed in the environment and collection is kept apart so a front end can
 * write it back when the user asks. Secret keys are never read, written or handed out.
 */
export class RunVariables {
  readonly secretKeys: string[];
  readonly #secret: Set<string>;
  local: ScopeValues = {};
  data: ScopeValues = {};
  environment: ScopeValues;
  collection: ScopeValues;
  readonly environmentChanges: Record<string, string | null> = {};
  readonly collectionChanges: Record<string, string | null> = {};

  constructor(env: RunEnvironment, collectionVariables: readonly CollectionVariable[], initialCollection: Record<string, string> = {}) {
    this.secretKeys = [...env.secretKeys];
    this.#secret = new Set(env.secretKeys);
    this.environment = Object.fromEntries(Object.entries(env.values).filter(([k]) => !this.#secret.has(k)));
    this.collection = { ...Object.fromEntries(collectionVariables.filter((v) => v.enabled !== false).map((v) => [v.key, v.value])), ...initialCollection };
  }

  isSecret(key: string): boolean {
    return this.#secret.has(key);
  }

  /** A copy for a script's state. */
  forScript(): Record<ScopeName, ScopeValues> {
    return { local: { ...this.local }, data: { ...this.data }, environment: { ...this.environment }, collection: { ...this.collection } };
  }

  /** Takes over what a script changed (only the keys it changed, never a secret). */
  absorb(outcome: Pick<ScriptOutcome, 'vars' | 'changed'>): void {
    this.#apply('local', outcome, undefined);
    this.#apply('environment', outcome, this.environmentChanges);
    this.#apply('collection', outcome, this.collectionChanges);
  }

  #apply(scope: 'local' | 'environment' | 'collection', outcome: Pick<ScriptOutcome, 'vars' | 'changed'>, changes: Record<string, string | null> | undefined): void {
    const target = this[scope];
    for (const key of Object.keys(outcome.changed[scope] ?? {})) {
      if (this.#secret.has(key)) continue;
      const values = outcome.vars[scope] ?? {};
      if (Object.prototype.hasOwnProperty.call(values, key)) {
        target[key] = values[key];
        if (changes) changes[key] = asText(values[key]);
      } else {
        delete target[key];
        if (changes) changes[key] = null;
      }
    }
  }

  /** A capture: a collection variable for the rest of the run. */
  setCollection(key: string, value: string): void {
    if (this.#secret.has(key)) return;
    this.collection[key] = value;
    this.collectionChanges[key] = value;
  }

  /** `{{name}}` values for the send: collection < environment < iteration data < local; no secret key. */
  merged(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const scope of [this.collection, this.environment, this.data, this.local]) {
      for (const [k, v] of Object.entries(scope)) if (!this.#secret.has(k)) out[k] = asText(v);
    }
    return out;
  }
}

/** Scripts may store numbers, booleans or objects; `{{name}}` reads them as text. */
export function asText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
