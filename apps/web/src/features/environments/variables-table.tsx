import { useState } from 'react';
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
  const update = (id: string, patch: Partial<VariableRow>) =>
    onChange(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));

  return (
    <div className="vars">
      <table className="kv-table vars-table" aria-label="Variables">
        <thead>
          <tr>
            <th scope="col" className="col-check">
              <span className="visually-hidden">Enabled</span>
            </th>
            <th scope="col">Variable</th>
            <th scope="col">Value</th>
            <th scope="col" className="col-secret">
              Secret
            </th>
            <th scope="col" className="col-actions">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const forcedSecret = ALWAYS_SECRET_KEYS.has(row.key.trim());
            const name = row.key || 'new variable';
            return (
              <tr key={row.id} className={row.enabled ? '' : 'row-disabled'}>
                <td className="col-check">
                  <input
                    type="checkbox"
                    aria-label={`Enable ${name}`}
                    checked={row.enabled}
                    onChange={(e) => update(row.id, { enabled: e.target.checked })}
                  />
                </td>
                <td>
                  <input
                    className="input mono"
                    aria-label={`Name of variable ${name}`}
                    placeholder="name"
                    spellCheck={false}
                    value={row.key}
                    onChange={(e) => {
                      const key = e.target.value;
                      update(row.id, { key, secret: row.secret || ALWAYS_SECRET_KEYS.has(key.trim()) });
                    }}
                  />
                </td>
                <td>
                  {presenting && !row.secret ? (
                    <HiddenValue name={name} />
                  ) : row.secret ? (
                    <SecretValueInput row={row} onValue={(value) => update(row.id, { value })} />
                  ) : (
                    <input
                      className="input mono"
                      aria-label={`Value of ${name}`}
                      placeholder={row.key === 'business_domain' ? 'https://your-business.kinde.com' : 'value'}
                      spellCheck={false}
                      value={row.value}
                      onChange={(e) => update(row.id, { value: e.target.value })}
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
                    onChange={(e) => update(row.id, { secret: e.target.checked })}
                  />
                </td>
                <td className="col-actions">
                  <button
                    type="button"
                    className="icon-btn"
                    aria-label={`Remove ${name}`}
                    onClick={() => onChange(rows.filter((r) => r.id !== row.id))}
                  >
                    ×
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" className="btn btn-sm" onClick={() => onChange([...rows, newVariableRow()])}>
        + Add variable
      </button>
    </div>
  );
}
