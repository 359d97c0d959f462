import { useQuery } from '@tanstack/react-query';
import { useAppStore } from '../../store/app-store.ts';
import { environmentsQuery } from '../environments/environment-queries.ts';
import { ScopeBadge, ScopeWarning } from '../scope-check/scope-check.tsx';
import { scopeStatus } from '../scope-check/scope-status.ts';
import { useGrantedScopes } from '../scope-check/use-granted-scopes.ts';
import { useLatestSend } from '../request-editor/send-request.ts';
import { operationQuery } from './catalog-queries.ts';
import { MethodBadge } from './method-badge.tsx';
import { useDocsOpen } from './use-docs-open.ts';
import './operation.css';

/** Above the builder of a catalog tab: which operation it is, its scope check, and the Docs toggle. */
export function OperationBar({ tabId }: { tabId: string }) {
  const operationId = useAppStore((s) => s.drafts[tabId]?.operationId ?? null);
  if (!operationId) return null;
  return <OperationBarContent tabId={tabId} operationId={operationId} />;
}

function OperationBarContent({ tabId, operationId }: { tabId: string; operationId: string }) {
  const { data: op, error } = useQuery(operationQuery(operationId));
  const environmentId = useAppStore((s) => s.activeEnvironmentId);
  const docsOpen = useDocsOpen();
  const setDocsOpen = useAppStore((s) => s.setDocsOpen);
  const setSection = useAppStore((s) => s.setRequestSection);
  // Select the stored array itself (a stable reference); a fresh array per render would loop.
  const pathParams = useAppStore((s) => s.drafts[tabId]?.pathParams);
  const emptyPath = (pathParams ?? []).filter((p) => p.required && p.value.trim() === '').map((p) => p.key);
  const { data: environments } = useQuery(environmentsQuery());
  const environmentName = environments?.find((e) => e.id === environmentId)?.name ?? null;
  const granted = useGrantedScopes(environmentId);
  // After a 403 the response's own note says which scope was missing: one warning is enough.
  const answered403 = useLatestSend(tabId).data?.status === 403;

  if (error) {
    return (
      <div className="operation-bar">
        <p className="muted">
          <code>{operationId}</code> is not in the loaded spec ({error.message}). The request still works as it is.
        </p>
      </div>
    );
  }
  if (!op) return <div className="operation-bar" aria-busy="true" />;
  const status = scopeStatus(op.scope, op.authRequired, granted.scopes);

  return (
    <div className="operation-head">
      <div className="operation-bar" aria-label="Operation">
        <MethodBadge method={op.method} full />
        <h2 className="operation-summary" title={`${op.method} ${op.path}`}>
          {op.summary}
        </h2>
        <span className="operation-tag">{op.tag}</span>
        {op.deprecated && <span className="schema-flag">deprecated</span>}
        <span className="operation-spacer" />
        <ScopeBadge status={status} granted={granted} />
        {status.kind === 'unknown' && !granted.checking && environmentId && (
          <button type="button" className="btn btn-sm btn-ghost" onClick={granted.refresh}>
            Check token
          </button>
        )}
        <button
          type="button"
          className="btn btn-sm"
          aria-pressed={docsOpen}
          title="Show or hide the operation’s documentation"
          onClick={() => setDocsOpen(!docsOpen)}
        >
          Docs
        </button>
      </div>
      {!answered403 && <ScopeWarning status={status} granted={granted} environmentName={environmentName} />}
      {emptyPath.length > 0 && (
        <div className="operation-path-note" role="note">
          Fill the path parameter{emptyPath.length > 1 ? 's' : ''} {emptyPath.map((k, i) => (
            <span key={k}>
              {i > 0 && ', '}
              <code>{k}</code>
            </span>
          ))}{' '}
          before sending.
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => setSection(tabId, 'params')}>
            Show
          </button>
        </div>
      )}
    </div>
  );
}
