import type { ParameterDetail } from '../catalog/core-catalog.ts';
import { MarkdownView } from './markdown-view.tsx';

const WHERE: Record<ParameterDetail['in'], string> = { path: 'Path', query: 'Query', header: 'Header', cookie: 'Cookie' };

function typeOf(p: ParameterDetail): string {
  const { schema } = p;
  if (schema.type === 'array') return `array of ${schema.items?.type ?? 'any'}`;
  return `${schema.type ?? 'any'}${schema.format ? ` (${schema.format})` : ''}`;
}

/** Path, query and header parameters with their type, enum values, default and description. */
export function ParametersSection({ parameters }: { parameters: ParameterDetail[] }) {
  if (parameters.length === 0) return null;
  const groups = (['path', 'query', 'header', 'cookie'] as const)
    .map((where) => ({ where, list: parameters.filter((p) => p.in === where) }))
    .filter((g) => g.list.length > 0);
  return (
    <section className="docs-section" aria-label="Parameters">
      <h4>Parameters</h4>
      {groups.map(({ where, list }) => (
        <div key={where} className="docs-params">
          <h5>{WHERE[where]}</h5>
          <dl>
            {list.map((p) => {
              const enums = p.schema.enum ?? p.schema.items?.enum;
              return (
                <div key={p.name} className="docs-param">
                  <dt>
                    <span className="schema-name mono">{p.name}</span>
                    <span className="schema-type mono">{typeOf(p)}</span>
                    {p.required && <span className="schema-required">required</span>}
                    {p.deprecated && <span className="schema-flag">deprecated</span>}
                  </dt>
                  <dd>
                    <MarkdownView markdown={p.description} className="markdown-inline" />
                    {enums && enums.length > 0 && (
                      <p className="schema-enum">
                        one of <span className="mono">{enums.map((v) => JSON.stringify(v)).join(' · ')}</span>
                      </p>
                    )}
                    {p.schema.default !== undefined && p.schema.default !== null && (
                      <p className="schema-enum">
                        default <span className="mono">{JSON.stringify(p.schema.default)}</span>
                      </p>
                    )}
                  </dd>
                </div>
              );
            })}
          </dl>
        </div>
      ))}
    </section>
  );
}
