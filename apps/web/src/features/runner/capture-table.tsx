import type { Capture, CaptureSource } from '@kinde-explorer/core';
import { captureSchema } from '../../lib/core-tests.ts';
import { EditableTable } from '../../lib/editable-table.tsx';
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
  return (
    <div className="tests-block">
      <EditableTable
        label="Captures"
        className="tests-table"
        columns={[{ header: 'From' }, { header: 'Header or JSON path' }, { header: 'Into variable' }]}
        rows={rows}
        onChange={onChange}
        nameOf={(_row, i) => `capture ${i + 1}`}
        cells={(row, { name, update }) => {
          const issues = rowIssues(captureSchema, row);
          return (
            <>
              <td>
                <select className="select tests-select" aria-label={`Source of ${name}`} value={row.source} onChange={(e) => update({ source: e.target.value as CaptureSource })}>
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
                    onChange={(e) => update({ property: e.target.value })}
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
                  onChange={(e) => update({ variable: e.target.value })}
                  aria-invalid={issues.variable ? true : undefined}
                />
                <RowError text={issues.variable} />
              </td>
            </>
          );
        }}
      />
      <button type="button" className="btn btn-sm" onClick={() => onChange([...rows, newCapture()])}>
        Add capture
      </button>
    </div>
  );
}
