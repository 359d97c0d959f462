import { ALWAYS_SECRET_KEYS, variableKeySchema, type EnvironmentView, type VariableInput } from '@kinde-explorer/core';

/**
 * The environment's variable list with a run's `pm.environment` changes applied, for an explicit
 * write-back. Secret variables are sent unchanged (value null keeps the stored one) and a change
 * naming a secret key is dropped; `null` (unset) removes a plain variable; new keys are appended.
 * Keys that are not valid variable names are skipped too. `variables` is null when nothing changes.
 */
export function applyEnvironmentChanges(
  env: EnvironmentView,
  changes: Record<string, string | null>,
): { variables: VariableInput[] | null; written: string[]; skipped: string[] } {
  const secret = (key: string) => ALWAYS_SECRET_KEYS.has(key) || env.variables.some((v) => v.key === key && v.secret);
  const writable = (key: string) => !secret(key) && variableKeySchema.safeParse(key).success;
  const skipped = Object.keys(changes).filter((k) => !writable(k));
  const pending = new Map(Object.entries(changes).filter(([key]) => writable(key)));
  const written: string[] = [];
  const variables: VariableInput[] = [];
  for (const v of env.variables) {
    if (v.secret || ALWAYS_SECRET_KEYS.has(v.key)) {
      variables.push({ key: v.key, value: null, secret: true, enabled: v.enabled });
      continue;
    }
    if (!pending.has(v.key)) {
      variables.push({ key: v.key, value: v.value ?? '', enabled: v.enabled });
      continue;
    }
    const next = pending.get(v.key)!;
    pending.delete(v.key);
    if (next === v.value && v.enabled) {
      variables.push({ key: v.key, value: v.value, enabled: v.enabled });
      continue;
    }
    written.push(v.key);
    if (next !== null) variables.push({ key: v.key, value: next, enabled: true });
  }
  for (const [key, value] of pending) {
    if (value === null) continue;
    written.push(key);
    variables.push({ key, value, enabled: true });
  }
  return { variables: written.length ? variables : null, written, skipped };
}
