import { EditableTable } from '../../lib/editable-table.tsx';
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

/** The request's query, header and form rows: keys and values accept `{{variables}}`; typing into the last row adds one. */
export function KeyValueEditor({ label, noun, rows, onChange, resolvable, suggestions, keyPlaceholder }: KeyValueEditorProps) {
  return (
    <EditableTable
      label={label}
      columns={[{ header: 'Key' }, { header: 'Value' }]}
      rows={rows}
      onChange={onChange}
      ghost={(id) => ({ id, key: '', value: '', enabled: true })}
      nameOf={(row, index, isGhost) => row.key || (isGhost ? `new ${noun}` : `${noun} ${index + 1}`)}
      cells={(row, { name, isGhost, update }) => (
        <>
          <td className="col-key">
            <VariableInput
              className="cell"
              ariaLabel={`Key of ${name}`}
              placeholder={isGhost ? (keyPlaceholder ?? 'Add key') : 'key'}
              value={row.key}
              onChange={(key) => update({ key })}
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
              onChange={(value) => update({ value })}
              resolvable={resolvable}
              suggestions={suggestions}
            />
          </td>
        </>
      )}
    />
  );
}
