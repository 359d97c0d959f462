import { useState, type ReactNode } from 'react';
import { newId } from './ids.ts';

/** What every row of an editable table has; a row without `enabled` counts as enabled. */
export interface TableRow {
  id: string;
  enabled?: boolean | undefined;
}

export interface RowCells<Row> {
  /** How the row is named in its controls' accessible names, e.g. "page_size" or "new parameter". */
  name: string;
  /** True for the trailing empty row that becomes a real one when typed into. */
  isGhost: boolean;
  update: (patch: Partial<Row>) => void;
}

interface EditableTableProps<Row extends TableRow> {
  /** Accessible name of the table, e.g. "Query parameters". */
  label: string;
  className?: string;
  /** The headers between the "enabled" check and the actions column. */
  columns: { header: ReactNode; className?: string }[];
  rows: Row[];
  onChange: (rows: Row[]) => void;
  nameOf: (row: Row, index: number, isGhost: boolean) => string;
  /** The row's cells between its "enabled" check and its remove button, one per column. */
  cells: (row: Row, ctx: RowCells<Row>) => ReactNode;
  /** Given, the table ends with an empty row (built with this id) that typing into adds. */
  ghost?: (id: string) => Row;
}

/**
 * The one editable table of rows (query, headers, form fields, environment variables): an
 * "enabled" check per row, the caller's cells, a remove button, and optionally an always-present
 * empty last row whose React key survives its first keystroke, so focus stays where one types.
 */
export function EditableTable<Row extends TableRow>({ label, className, columns, rows, onChange, nameOf, cells, ghost }: EditableTableProps<Row>) {
  const [ghostId, setGhostId] = useState(() => newId('row'));
  const ghostRow = ghost?.(ghostId);

  const update = (row: Row, patch: Partial<Row>) => {
    if (ghostRow && row.id === ghostId) {
      onChange([...rows, { ...row, ...patch }]);
      setGhostId(newId('row'));
    } else {
      onChange(rows.map((r) => (r.id === row.id ? { ...r, ...patch } : r)));
    }
  };

  return (
    <table className={className ? `kv-table ${className}` : 'kv-table'} aria-label={label}>
      <thead>
        <tr>
          <th scope="col" className="col-check">
            <span className="visually-hidden">Enabled</span>
          </th>
          {columns.map((c, i) => (
            <th key={i} scope="col" className={c.className}>
              {c.header}
            </th>
          ))}
          <th scope="col" className="col-actions">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {(ghostRow ? [...rows, ghostRow] : rows).map((row, index) => {
          const isGhost = ghostRow !== undefined && row.id === ghostId;
          const name = nameOf(row, index, isGhost);
          return (
            <tr key={row.id} className={row.enabled === false ? 'row-disabled' : ''}>
              <td className="col-check">
                {!isGhost && (
                  <input type="checkbox" aria-label={`Enable ${name}`} checked={row.enabled !== false} onChange={(e) => update(row, { enabled: e.target.checked } as Partial<Row>)} />
                )}
              </td>
              {cells(row, { name, isGhost, update: (patch) => update(row, patch) })}
              <td className="col-actions">
                {!isGhost && (
                  <button type="button" className="icon-btn" aria-label={`Remove ${name}`} onClick={() => onChange(rows.filter((r) => r.id !== row.id))}>
                    ×
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
