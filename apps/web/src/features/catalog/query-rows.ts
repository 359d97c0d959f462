import { newRow, type KeyValueRow } from '../../lib/core-request-draft.ts';

/**
 * The query rows after a documented parameter was edited in the operation form: the row with that
 * key is updated (typing a value switches it on, as in Postman), or added when the user removed it.
 */
export function setQueryParam(rows: readonly KeyValueRow[], key: string, patch: { value?: string; enabled?: boolean }): KeyValueRow[] {
  const enabled = patch.enabled ?? (patch.value !== undefined && patch.value !== '' ? true : undefined);
  const index = rows.findIndex((r) => r.key === key);
  if (index < 0) return [...rows, newRow(key, patch.value ?? '', enabled ?? true)];
  return rows.map((r, i) =>
    i === index ? { ...r, ...(patch.value !== undefined ? { value: patch.value } : {}), ...(enabled !== undefined ? { enabled } : {}) } : r,
  );
}
