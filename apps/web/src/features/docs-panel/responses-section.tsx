import type { OperationDetail } from '../catalog/core-catalog.ts';
import { MarkdownView } from './markdown-view.tsx';
import { SchemaTree } from './schema-tree.tsx';

function statusClass(status: string): string {
  const n = Number(status);
  if (n >= 500) return 'status-5xx';
  if (n >= 400) return 'status-4xx';
  if (n >= 300) return 'status-3xx';
  return 'status-2xx';
}

/** Each documented response: status, description, and (folded) its schema and an example. */
export function ResponsesSection({ responses }: { responses: OperationDetail['responses'] }) {
  if (responses.length === 0) return null;
  return (
    <section className="docs-section">
      <h4>Responses</h4>
      <ul className="docs-responses">
        {responses.map((r) => {
          const ok = Number(r.status) >= 200 && Number(r.status) < 300;
          return (
            <li key={r.status}>
              <details open={ok}>
                <summary>
                  <span className={`docs-status ${statusClass(r.status)}`}>{r.status}</span>
                  <MarkdownView markdown={r.description || ' '} className="markdown-inline docs-response-desc" />
                </summary>
                <div className="docs-response-body">
                  {r.contentType && <p className="docs-content-type mono">{r.contentType}</p>}
                  {r.schema != null && <SchemaTree schema={r.schema} label={`Schema of ${r.status}`} />}
                  {r.example != null && (
                    <details className="docs-example">
                      <summary>Example</summary>
                      <pre className="mono" aria-label={`Example ${r.status} response`}>
                        {JSON.stringify(r.example, null, 2)}
                      </pre>
                    </details>
                  )}
                </div>
              </details>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
