import type { EnvironmentUpdate, EnvironmentView, VariableInput } from '@kinde-explorer/core';
import { ALWAYS_SECRET_KEYS } from '@kinde-explorer/core';
import type { AuditDetail } from './schemas.ts';

const isSecret = (v: Pick<VariableInput, 'key' | 'secret'>) => Boolean(v.secret) || ALWAYS_SECRET_KEYS.has(v.key);

/** What a new environment holds, for the audit log: variable keys only, never a value. */
export function environmentCreated(variables: readonly VariableInput[]): AuditDetail {
  return {
    variables: variables.filter((v) => !isSecret(v)).map((v) => v.key),
    secrets: variables.filter(isSecret).map((v) => v.key),
  };
}

/**
 * What an update changes, for the audit log: which keys were added, removed or changed and which
 * secrets were given a new value — the keys, never a value (not even a plain variable's).
 */
export function environmentChanges(before: EnvironmentView, update: EnvironmentUpdate): AuditDetail {
  const detail: AuditDetail = {};
  if (update.name !== undefined && update.name !== before.name) detail.renamedFrom = before.name;
  if (!update.variables) return detail;
  const old = new Map(before.variables.map((v) => [v.key, v]));
  const next = new Map(update.variables.map((v) => [v.key, v]));
  const added: string[] = [];
  const changed: string[] = [];
  const secretsChanged: string[] = [];
  for (const [key, v] of next) {
    const was = old.get(key);
    const secret = isSecret(v);
    // A secret sent with a null or missing value keeps its stored one: not a change of value.
    const newSecretValue = secret && v.value !== null && v.value !== undefined;
    if (!was) {
      added.push(key);
      if (newSecretValue) secretsChanged.push(key);
      continue;
    }
    if (newSecretValue) secretsChanged.push(key);
    const plainChanged = !secret && !was.secret && (v.value ?? '') !== (was.value ?? '');
    if (plainChanged || secret !== was.secret || (v.enabled ?? true) !== was.enabled) changed.push(key);
  }
  const removed = [...old.keys()].filter((k) => !next.has(k));
  Object.assign(detail, { added, removed, changed, secretsChanged });
  return detail;
}
