import type { Assertion, AssertionOperator, AssertionSource } from '@kinde-explorer/core';
import { assertionSchema } from '../../lib/core-tests.ts';
import { EditableTable } from '../../lib/editable-table.tsx';
import { newId } from '../../lib/ids.ts';
import type { TestRow } from '@kinde-explorer/core';
import { RowError, rowIssues } from './row-issues.tsx';

const SOURCES: { value: AssertionSource; label: string }[] = [
  { value: 'status', label: 'Status code' },
  { value: 'header', label: 'Header' },
  { value: 'jsonPath', label: 'JSON path' },
  { value: 'responseTime', label: 'Response time (ms)' },
  { value: 'body', label: 'Body text' },
];

const OPERATORS: { value: AssertionOperator; label: string }[] = [
  { value: 'eq', label: 'equals' },
  { value: 'ne', label: 'not equal' },
  { value: 'gt', label: 'greater than' },
  { value: 'lt', label: 'less than' },
  { value: 'contains', label: 'contains' },
  { value: 'exists', label: 'exists' },
  { value: 'matches', label: 'matches regex' },
  { value: 'length', label: 'length is' },
];

const PLACEHOLDER: Partial<Record<AssertionSource, string>> = { header: 'content-type', jsonPath: '$.organization.code' };

export function newAssertion(): TestRow<Assertion> {
  return { id: newId('assert'), enabled: true, source: 'status', operator: 'eq', value: '200' };
}

/** The assertions table: source (and header / JSON path), operator, expected value. */
export function AssertionTable({ rows, onChange }: { rows: TestRow<Assertion>[]; onChange: (rows: TestRow<Assertion>[]) => void }) {
  return (
    <div className="tests-block">
      <EditableTable
        label="Assertions"
        className="tests-table"
        columns={[{ header: 'Check' }, { header: 'Header or JSON path' }, { header: 'Operator' }, { header: 'Expected' }]}
        rows={rows}
        onChange={onChange}
        nameOf={(_row, i) => `assertion ${i + 1}`}
        cells={(row, { name, update }) => {
          const issues = rowIssues(assertionSchema, row);
          const needsProperty = row.source === 'header' || row.source === 'jsonPath';
          return (
            <>
              <td>
                <select className="select tests-select" aria-label={`What ${name} checks`} value={row.source} onChange={(e) => update({ source: e.target.value as AssertionSource })}>
                  {SOURCES.map((s) => (
                    <option key={s.value} value={s.value}>
                      {s.label}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {needsProperty && (
                  <input
                    className="input mono"
                    aria-label={`${row.source === 'header' ? 'Header' : 'JSON path'} of ${name}`}
                    placeholder={PLACEHOLDER[row.source]}
                    value={row.property ?? ''}
                    onChange={(e) => update({ property: e.target.value })}
                    aria-invalid={issues.property ? true : undefined}
                  />
                )}
                <RowError text={issues.property} />
              </td>
              <td>
                <select className="select tests-select" aria-label={`Operator of ${name}`} value={row.operator} onChange={(e) => update({ operator: e.target.value as AssertionOperator })}>
                  {OPERATORS.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {row.operator !== 'exists' && (
                  <input
                    className="input mono"
                    aria-label={`Expected value of ${name}`}
                    value={row.value ?? ''}
                    onChange={(e) => update({ value: e.target.value })}
                    aria-invalid={issues.value ? true : undefined}
                  />
                )}
                <RowError text={issues.value} />
              </td>
            </>
          );
        }}
      />
      <button type="button" className="btn btn-sm" onClick={() => onChange([...rows, newAssertion()])}>
        Add assertion
      </button>
    </div>
  );
}
