import type { ImportedVariable, VariableInput, VariableView } from '@kinde-explorer/core';

/**
 * Merges imported variables into an environment's list: imported keys replace their value (and
 * become secret when the import says so), other variables stay as they are. A secret stays
 * write-only: existing ones are sent back without a value, which keeps the stored one. An empty
 * imported value never wipes an existing one (Postman exports secrets as empty strings).
 */
export function mergeVariables(current: readonly VariableView[], imported: readonly ImportedVariable[]): { variables: VariableInput[]; kept: string[] } {
  const incoming = new Map(imported.map((v) => [v.key, v]));
  const kept: string[] = [];
  const out: VariableInput[] = current.map((v) => {
    const next = incoming.get(v.key);
    const secret = v.secret || next?.secret === true;
    if (!next) return { key: v.key, value: v.secret ? null : v.value, secret: v.secret, enabled: v.enabled };
    incoming.delete(v.key);
    if (next.value === '' && v.hasValue) {
      kept.push(`variable '${v.key}' — kept its current value (the import had none)`);
      return { key: v.key, value: v.secret ? null : v.value, secret, enabled: next.enabled };
    }
    kept.push(`variable '${v.key}' — replaced${secret ? ' (secret)' : ''}`);
    return { key: v.key, value: next.value, secret, enabled: next.enabled };
  });
  for (const v of incoming.values()) {
    kept.push(`variable '${v.key}' — added${v.secret ? ' (secret)' : ''}`);
    out.push({ key: v.key, value: v.value, secret: v.secret, enabled: v.enabled });
  }
  return { variables: out, kept };
}
