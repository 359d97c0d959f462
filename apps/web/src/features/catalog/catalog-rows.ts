import type { OperationSummary } from './core-catalog.ts';

/** One line of the catalog list: a tag heading, or an operation (an option of the listbox). */
export type CatalogRow =
  | { kind: 'tag'; key: string; tag: string; count: number }
  | { kind: 'op'; key: string; op: OperationSummary; option: number };

/**
 * The rows to show. Browsing (no query): grouped under their tag, tags A–Z, operations in spec
 * order. Searching: the ranked results as one flat list, so the best match is always first.
 */
export function catalogRows(operations: readonly OperationSummary[], searching: boolean): CatalogRow[] {
  if (searching) return operations.map((op, option) => ({ kind: 'op', key: op.operationId, op, option }));
  const byTag = new Map<string, OperationSummary[]>();
  for (const op of operations) {
    const list = byTag.get(op.tag);
    if (list) list.push(op);
    else byTag.set(op.tag, [op]);
  }
  const rows: CatalogRow[] = [];
  let option = 0;
  for (const tag of [...byTag.keys()].sort((a, b) => a.localeCompare(b))) {
    const ops = byTag.get(tag)!;
    rows.push({ kind: 'tag', key: `tag:${tag}`, tag, count: ops.length });
    for (const op of ops) rows.push({ kind: 'op', key: op.operationId, op, option: option++ });
  }
  return rows;
}

/** The operation rows only, in display order: what arrow keys step through. */
export function optionRows(rows: readonly CatalogRow[]): Extract<CatalogRow, { kind: 'op' }>[] {
  return rows.filter((r): r is Extract<CatalogRow, { kind: 'op' }> => r.kind === 'op');
}
