import { useQuery } from '@tanstack/react-query';
import { useAppStore } from '../../store/app-store.ts';
import { operationQuery } from '../catalog/catalog-queries.ts';
import { MethodBadge } from '../catalog/method-badge.tsx';
import { MarkdownView } from './markdown-view.tsx';
import { ParametersSection } from './parameters-section.tsx';
import { ResponsesSection } from './responses-section.tsx';
import { SchemaTree } from './schema-tree.tsx';

/** The docs of one operation; loaded lazily by docs-panel.tsx (markdown and sanitiser included). */
export default function DocsPanelContent({ operationId }: { operationId: string }) {
  const setOpen = useAppStore((s) => s.setDocsOpen);
  const { data: op, error } = useQuery(operationQuery(operationId));

  return (
    <aside className="docs-panel" aria-label="Operation docs">
      <div className="docs-header">
        <h3>Docs</h3>
        <button type="button" className="icon-btn" aria-label="Hide docs" title="Hide docs" onClick={() => setOpen(false)}>
          ×
        </button>
      </div>
      <div className="docs-scroll">
        {error && <p className="muted">Could not load the docs: {error.message}</p>}
        {!op && !error && <p className="muted">Loading…</p>}
        {op && (
          <>
            <div className="docs-title">
              <p className="docs-path">
                <MethodBadge method={op.method} full />
                <span className="mono">{op.path}</span>
              </p>
              <h3 className="docs-summary">{op.summary}</h3>
              <p className="docs-meta">
                <span>{op.tag}</span>
                <span className="mono">{op.operationId}</span>
                {op.deprecated && <span className="schema-flag">deprecated</span>}
              </p>
            </div>

            <section className="docs-section docs-scope" aria-label="Required scope">
              <h4>Required scope</h4>
              {!op.authRequired ? (
                <p className="muted">None: this endpoint needs no access token.</p>
              ) : op.scope ? (
                <p>
                  <span className="chip">{op.scope}</span>
                </p>
              ) : (
                <p className="muted">The spec names no scope for this operation.</p>
              )}
            </section>

            {op.description && (
              <section className="docs-section" aria-label="Description">
                <MarkdownView markdown={op.description} />
              </section>
            )}

            <ParametersSection parameters={op.parameters} />

            {/* No region names below: "Request" and "Response" name the builder and the viewer. */}
            {op.requestBody && (
              <section className="docs-section">
                <h4>
                  Request body
                  {op.requestBody.required && <span className="schema-required">required</span>}
                </h4>
                <p className="docs-content-type mono">{op.requestBody.contentType}</p>
                <MarkdownView markdown={op.requestBody.description} className="markdown-inline" />
                <SchemaTree schema={op.requestBody.schema} label="Request body schema" />
              </section>
            )}

            <ResponsesSection responses={op.responses} />
          </>
        )}
      </div>
    </aside>
  );
}
