import { enumLabels, schemaFields, typeLabel, type Schema } from './schema-describe.ts';

const MAX_DEPTH = 6;

function FieldLine({ name, schema, required }: { name: string; schema: Schema; required: boolean }) {
  const enums = enumLabels(schema);
  return (
    <div className="schema-line">
      <span className="schema-name mono">{name}</span>
      <span className="schema-type mono">{typeLabel(schema)}</span>
      {required && <span className="schema-required">required</span>}
      {schema.deprecated && <span className="schema-flag">deprecated</span>}
      {schema.readOnly && <span className="schema-flag">read-only</span>}
      {schema.description && <span className="schema-desc">{schema.description}</span>}
      {enums.length > 0 && (
        <span className="schema-enum">
          one of <span className="mono">{enums.join(' · ')}</span>
        </span>
      )}
    </div>
  );
}

/** A schema as a readable tree: each field's name, type, required flag and description; nested ones fold. */
export function SchemaTree({ schema, depth = 0, label }: { schema: unknown; depth?: number; label?: string }) {
  const fields = schemaFields(schema);
  if (fields.length === 0) {
    return depth === 0 ? <p className="schema-plain mono">{typeLabel(schema)}</p> : null;
  }
  return (
    <ul className="schema-tree" aria-label={depth === 0 ? (label ?? 'Schema') : undefined}>
      {fields.map((field) => {
        const children = depth < MAX_DEPTH ? schemaFields(field.schema) : [];
        return (
          <li key={field.name}>
            {children.length > 0 ? (
              <details open={depth === 0 && fields.length <= 4}>
                <summary>
                  <FieldLine {...field} />
                </summary>
                <SchemaTree schema={field.schema} depth={depth + 1} />
              </details>
            ) : (
              <FieldLine {...field} />
            )}
          </li>
        );
      })}
    </ul>
  );
}
