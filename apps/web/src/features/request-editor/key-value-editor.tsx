import { useState } from 'react';
import { newId } from '../../lib/ids.ts';
import type { VariableSuggestion } from '../../lib/variables.ts';
import type { KeyValueRow } from '../../lib/core-request-draft.ts';
import { VariableInput } from './variable-input.tsx';

interface KeyValueEditorProps {
  /** Accessible name of the table, e.g. "Query parameters". */
  label: string;
  /** Singular noun for row controls, e.g. "parameter". */
  noun: string;
  rows: KeyValueRow[];
  onChange: (rows: KeyValueRow[]) => void;
  resolvable: ReadonlySet<string>;
  suggestions: readonly VariableSuggestion[];
  keyPlaceholder?: string;
}

/**
 * An editable key/value table with an always-present empty last row: typing into it adds a row
 * (it keeps its React key, so focus stays in the field being typed in).
 */
export function KeyValueEditor({ label, noun, rows, onChange, resolvable, suggestions, keyPlaceholder }: KeyValueEditorProps) {
  const [ghostId, setGhostId] = useState(() => newId('row'));
  const ghost: KeyValueRow = { id: ghostId, key: '', value: '', enabled: true };

  const update = (row: KeyValueRow, patch: Partial<KeyValueRow>) => {
    if (row.id === ghostId) {
      onChange([...rows, { ...row, ...patch }]);
      setGhostId(newId('row'));
    } else {
      onChange(rows.map((r) => (r.id === row.id ? { ...r, ...patch } : r)));
    }
  };

  return (
    <table className="kv-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col" className="col-check">
            <span className="visually-hidden">Enabled</span>
          </th>
          <th scope="col">Key</th>
          <th scope="col">Value</th>
          <th scope="col" className="col-actions">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {[...rows, ghost].map((row, index) => {
          const isGhost = row.id === ghostId;
          const name = row.key || (isGhost ? `new ${noun}` : `${noun} ${index + 1}`);
          return (
            <tr key={row.id} className={row.enabled ? '' : 'row-disabled'}>
              <td className="col-check">
                {!isGhost && (
                  <input
                    type="checkbox"
                    aria-label={`Enable ${name}`}
                    checked={row.enabled}
                    onChange={(e) => update(row, { enabled: e.target.checked })}
                  />
                )}
              </td>
              <td className="col-key">
                <VariableInput
                  className="cell"
                  ariaLabel={`Key of ${name}`}
                  placeholder={isGhost ? (keyPlaceholder ?? 'Add key') : 'key'}
                  value={row.key}
                  onChange={(key) => update(row, { key })}
                  resolvable={resolvable}
                  suggestions={suggestions}
                />
              </td>
              <td>
                <VariableInput
                  className="cell"
                  ariaLabel={`Value of ${name}`}
                  placeholder="value"
                  value={row.value}
                  onChange={(value) => update(row, { value })}
                  resolvable={resolvable}
                  suggestions={suggestions}
                />
              </td>
              <td className="col-actions">
                {!isGhost && (
                  <button
                    type="button"
                    className="icon-btn"
                    aria-label={`Remove ${name}`}
                    onClick={() => onChange(rows.filter((r) => r.id !== row.id))}
                  >
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
