import { useState } from 'react';
import { EditableTable } from '../../lib/editable-table.tsx';
import { ALWAYS_SECRET_KEYS } from '../../lib/core-constants.ts';
import { newVariableRow, type VariableRow } from './variable-rows.ts';
import { useAppStore } from '../../store/app-store.ts';
import { HiddenValue } from '../demo/hidden-value.tsx';

interface VariablesTableProps {
  rows: VariableRow[];
  onChange: (rows: VariableRow[]) => void;
}

function SecretValueInput({ row, onValue }: { row: VariableRow; onValue: (value: string) => void }) {
  const [visible, setVisible] = useState(false);
  return (
    <div className="secret-input">
      <input
        className="input mono"
        // Only what the user is typing right now is ever here; the stored value stays on the server.
        type={visible ? 'text' : 'password'}
        autoComplete="new-password"
        spellCheck={false}
        aria-label={`Value of ${row.key || 'new variable'}${row.stored ? ' (a value is saved; type to replace it)' : ''}`}
        placeholder={row.stored ? 'saved · type to replace' : 'secret value'}
        value={row.value}
        onChange={(e) => onValue(e.target.value)}
      />
      {row.value !== '' && (
        <button
          type="button"
          className="icon-btn"
          aria-label={visible ? 'Hide typed value' : 'Show typed value'}
          aria-pressed={visible}
          onClick={() => setVisible(!visible)}
        >
          {visible ? '◉' : '◎'}
        </button>
      )}
      {row.stored && row.value === '' && <span className="secret-badge">set</span>}
    </div>
  );
}

/** Key, value, secret, enabled: the environment's variables; secrets are write-only. */
export function VariablesTable({ rows, onChange }: VariablesTableProps) {
  // Presentation mode shows every value as ••••; secrets are write-only anyway.
  const presenting = useAppStore((s) => s.presentationMode);
  return (
    <div className="vars">
      <EditableTable
        label="Variables"
        className="vars-table"
        columns={[{ header: 'Variable' }, { header: 'Value' }, { header: 'Secret', className: 'col-secret' }]}
        rows={rows}
        onChange={onChange}
        nameOf={(row) => row.key || 'new variable'}
        cells={(row, { name, update }) => {
          const forcedSecret = ALWAYS_SECRET_KEYS.has(row.key.trim());
          return (
            <>
              <td>
                <input
                  className="input mono"
                  aria-label={`Name of variable ${name}`}
                  placeholder="name"
                  spellCheck={false}
                  value={row.key}
                  onChange={(e) => {
                    const key = e.target.value;
                    update({ key, secret: row.secret || ALWAYS_SECRET_KEYS.has(key.trim()) });
                  }}
                />
              </td>
              <td>
                {presenting && !row.secret ? (
                  <HiddenValue name={name} />
                ) : row.secret ? (
                  <SecretValueInput row={row} onValue={(value) => update({ value })} />
                ) : (
                  <input
                    className="input mono"
                    aria-label={`Value of ${name}`}
                    placeholder={row.key === 'business_domain' ? 'https://your-business.kinde.com' : 'value'}
                    spellCheck={false}
                    value={row.value}
                    onChange={(e) => update({ value: e.target.value })}
                  />
                )}
              </td>
              <td className="col-secret">
                <input
                  type="checkbox"
                  aria-label={`Keep ${name} secret`}
                  title={forcedSecret ? 'client_secret is always secret' : 'Secret values are write-only'}
                  checked={row.secret}
                  disabled={forcedSecret || row.stored}
                  onChange={(e) => update({ secret: e.target.checked })}
                />
              </td>
            </>
          );
        }}
      />
      <button type="button" className="btn btn-sm" onClick={() => onChange([...rows, newVariableRow()])}>
        + Add variable
      </button>
    </div>
  );
}
