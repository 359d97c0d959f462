import type { Capture, CaptureSource } from '@kinde-explorer/core';
import { captureSchema } from '../../lib/core-tests.ts';
import { newId } from '../../lib/ids.ts';
import type { TestRow } from '@kinde-explorer/core';
import { RowError, rowIssues } from './row-issues.tsx';

const SOURCES: { value: CaptureSource; label: string }[] = [
  { value: 'jsonPath', label: 'JSON path' },
  { value: 'header', label: 'Header' },
  { value: 'status', label: 'Status code' },
];

export function newCapture(): TestRow<Capture> {
  return { id: newId('capture'), enabled: true, source: 'jsonPath', property: '', variable: '' };
}

/** The captures table: a JSON path or header of the response → a variable for the next requests. */
export function CaptureTable({ rows, onChange }: { rows: TestRow<Capture>[]; onChange: (rows: TestRow<Capture>[]) => void }) {
  const update = (id: string, patch: Partial<Capture>) => onChange(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  return (
    <div className="tests-block">
      <table className="kv-table tests-table" aria-label="Captures">
        <thead>
          <tr>
            <th scope="col" className="col-check">
              <span className="visually-hidden">Enabled</span>
            </th>
            <th scope="col">From</th>
            <th scope="col">Header or JSON path</th>
            <th scope="col">Into variable</th>
            <th scope="col" className="col-actions">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const name = `capture ${i + 1}`;
            const issues = rowIssues(captureSchema, row);
            return (
              <tr key={row.id} className={row.enabled === false ? 'row-disabled' : ''}>
                <td className="col-check">
                  <input type="checkbox" aria-label={`Enable ${name}`} checked={row.enabled !== false} onChange={(e) => update(row.id, { enabled: e.target.checked })} />
                </td>
                <td>
                  <select className="select tests-select" aria-label={`Source of ${name}`} value={row.source} onChange={(e) => update(row.id, { source: e.target.value as CaptureSource })}>
                    {SOURCES.map((s) => (
                      <option key={s.value} value={s.value}>
                        {s.label}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {row.source !== 'status' && (
                    <input
                      className="input mono"
                      aria-label={`${row.source === 'header' ? 'Header' : 'JSON path'} of ${name}`}
                      placeholder={row.source === 'header' ? 'location' : '$.organization.code'}
                      value={row.property ?? ''}
                      onChange={(e) => update(row.id, { property: e.target.value })}
                      aria-invalid={issues.property ? true : undefined}
                    />
                  )}
                  <RowError text={issues.property} />
                </td>
                <td>
                  <input
                    className="input mono"
                    aria-label={`Variable of ${name}`}
                    placeholder="org_code"
                    value={row.variable}
                    onChange={(e) => update(row.id, { variable: e.target.value })}
                    aria-invalid={issues.variable ? true : undefined}
                  />
                  <RowError text={issues.variable} />
                </td>
                <td className="col-actions">
                  <button type="button" className="icon-btn" aria-label={`Remove ${name}`} onClick={() => onChange(rows.filter((r) => r.id !== row.id))}>
                    ×
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" className="btn btn-sm" onClick={() => onChange([...rows, newCapture()])}>
        Add capture
      </button>
    </div>
  );
}
