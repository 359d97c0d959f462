import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { VariableSuggestion } from '../../lib/variables.ts';
import { type RequestDraft, urlFromRows } from '../../lib/core-request-draft.ts';
import { VariableInput } from '../request-editor/variable-input.tsx';
import { operationQuery } from './catalog-queries.ts';
import { applyPathParams, type ParameterDetail } from './core-catalog.ts';
import { setQueryParam } from './query-rows.ts';

interface OperationParamsProps {
  draft: RequestDraft & { operationId: string };
  onChange: (patch: Partial<RequestDraft>) => void;
  resolvable: ReadonlySet<string>;
  suggestions: readonly VariableSuggestion[];
}

export const pathParamInputId = (tabKey: string, name: string) => `${tabKey}-path-${name}`;

function typeText(p: ParameterDetail): string {
  if (p.schema.type === 'array') return `array of ${p.schema.items?.type ?? 'any'}`;
  return `${p.schema.type ?? 'string'}${p.schema.format ? ` (${p.schema.format})` : ''}`;
}

function pathPlaceholder(p: ParameterDetail | undefined): string {
  if (!p) return 'value';
  return p.schema.example !== undefined ? `e.g. ${String(p.schema.example)}` : typeText(p);
}

function plain(text: string): string {
  return text.replace(/<[^>]+>/g, '').replace(/[`*_]/g, '').trim();
}

/** The operation's path parameters as a form (required marked) and its documented query parameters. */
export function OperationParams({ draft, onChange, resolvable, suggestions }: OperationParamsProps) {
  const { data: op } = useQuery(operationQuery(draft.operationId));
  const key = useId();
  const pathParams = draft.pathParams ?? [];
  const queryParams = op?.parameters.filter((p) => p.in === 'query') ?? [];

  const setPath = (name: string, value: string) =>
    onChange({ pathParams: pathParams.map((p) => (p.key === name ? { ...p, value } : p)) });
  const setQuery = (name: string, patch: { value?: string; enabled?: boolean }) => {
    const query = setQueryParam(draft.query, name, patch);
    onChange({ query, url: urlFromRows(draft.url, query) });
  };

  if (op && pathParams.length === 0 && queryParams.length === 0) {
    return <p className="op-no-params muted">{op.summary} takes no path or query parameters.</p>;
  }

  return (
    <div className="operation-params">
      {pathParams.length > 0 && (
        <section aria-label="Path parameters" className="op-params-group">
          <h3 className="op-params-title">Path parameters</h3>
          <div className="op-path-grid">
            {pathParams.map((p) => {
              const id = pathParamInputId(key, p.key);
              const empty = p.required && p.value.trim() === '';
              return (
                <div key={p.key} className={`op-path-row${empty ? ' op-path-empty' : ''}`}>
                  <label htmlFor={id} className="op-param-name">
                    <code>{p.key}</code>
                    {p.required && (
                      <span className="op-required" title="Required">
                        *<span className="visually-hidden"> required</span>
                      </span>
                    )}
                  </label>
                  <VariableInput
                    id={id}
                    className="op-path-input"
                    ariaLabel={`Path parameter ${p.key}`}
                    placeholder={pathPlaceholder(op?.parameters.find((d) => d.in === 'path' && d.name === p.key))}
                    value={p.value}
                    onChange={(value) => setPath(p.key, value)}
                    resolvable={resolvable}
                    suggestions={suggestions}
                  />
                  {p.description && <p className="op-param-desc">{plain(p.description)}</p>}
                </div>
              );
            })}
          </div>
          <p className="op-url-preview" aria-label="URL with path parameters">
            <span className="muted">Sends to </span>
            <code>{applyPathParams(draft.url, pathParams)}</code>
          </p>
        </section>
      )}

      {queryParams.length > 0 && (
        <section aria-label="Documented query parameters" className="op-params-group">
          <h3 className="op-params-title">Query parameters</h3>
          <table className="op-query-table">
            <tbody>
              {queryParams.map((p) => {
                const row = draft.query.find((r) => r.key === p.name);
                const enabled = row?.enabled ?? false;
                const value = row?.value ?? '';
                const enums = p.schema.enum ?? (p.schema.type === 'boolean' ? [true, false] : null);
                const label = `Value of ${p.name}`;
                return (
                  <tr key={p.name} className={enabled ? '' : 'row-disabled'}>
                    <td className="col-check">
                      <input
                        type="checkbox"
                        aria-label={`Send ${p.name}`}
                        checked={enabled}
                        onChange={(e) => setQuery(p.name, { enabled: e.target.checked })}
                      />
                    </td>
                    <td className="op-query-name">
                      <code>{p.name}</code>
                      {p.required && (
                        <span className="op-required" title="Required">
                          *<span className="visually-hidden"> required</span>
                        </span>
                      )}
                      <span className="op-param-type">{typeText(p)}</span>
                    </td>
                    <td className="op-query-value">
                      {enums ? (
                        <select className="select op-enum" aria-label={label} value={value} onChange={(e) => setQuery(p.name, { value: e.target.value })}>
                          <option value="">—</option>
                          {enums.map((v) => (
                            <option key={String(v)} value={String(v)}>
                              {String(v)}
                            </option>
                          ))}
                        </select>
                      ) : (
                        <VariableInput
                          className="op-query-input"
                          ariaLabel={label}
                          placeholder={p.schema.example !== undefined ? `e.g. ${String(p.schema.example)}` : p.schema.default != null ? `default ${String(p.schema.default)}` : typeText(p)}
                          value={value}
                          onChange={(v) => setQuery(p.name, { value: v })}
                          resolvable={resolvable}
                          suggestions={suggestions}
                        />
                      )}
                      {p.description && <p className="op-param-desc">{plain(p.description)}</p>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
