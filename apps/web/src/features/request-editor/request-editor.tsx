import { lazy, Suspense, useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { HttpMethod } from '@kinde-explorer/core';
import { HTTP_METHODS } from '../../lib/core-constants.ts';
import { useAppStore } from '../../store/app-store.ts';
import type { RequestSection } from '../../store/ui-slice.ts';
import { unresolvedNames } from '../../lib/variables.ts';
import { sentTexts, toRequestTemplate, type RequestDraft, rowsFromUrl, urlFromRows } from '../../lib/core-request-draft.ts';
import { useEnvironmentVariables } from './use-environment-variables.ts';
import type { Sender } from './send-request.ts';
import { VariableInput } from './variable-input.tsx';
import { KeyValueEditor } from './key-value-editor.tsx';
import { BodyEditor } from './body-editor.tsx';
import { AuthEditor } from './auth-editor.tsx';
import { UnresolvedNotice } from './unresolved-notice.tsx';
import { JsonSyntaxNotice } from './json-syntax-notice.tsx';
import { findJsonSyntaxProblem, type JsonSyntaxProblem } from './json-syntax.ts';
import { SEND_SHORTCUT } from './shortcut.ts';
import { OperationParams } from '../catalog/operation-params.tsx';
import { CodeButton } from '../snippets/code-button.tsx';
import { SaveButton } from '../collections/save-button.tsx';
import { useTabCollection } from '../collections/use-tab-collection.ts';
import { useCommandHandler } from '../command-palette/command-registry.ts';
import './request-editor.css';

// The Tests sub-tab (tables validated with core's schemas, script editors) loads on first use.
const TestsEditor = lazy(() => import('../runner/tests-editor.tsx'));


/** The request builder of one tab: method, URL, params, headers, body, auth, send. */
export function RequestEditor({ tabId, sender }: { tabId: string; sender: Sender }) {
  const draft = useAppStore((s) => s.drafts[tabId]);
  const updateDraft = useAppStore((s) => s.updateDraft);
  // Each tab keeps its own sub-tab; one never opened before starts on Params.
  const section = useAppStore((s) => s.requestSections[tabId] ?? 'params');
  const setTabSection = useAppStore((s) => s.setRequestSection);
  const setSection = (next: RequestSection) => setTabSection(tabId, next);
  const vars = useEnvironmentVariables();
  const collection = useTabCollection(tabId, vars.environmentId);
  const methodId = useId();
  const urlId = useId();

  const unresolved = useMemo(
    () => (draft && vars.loaded ? unresolvedNames(sentTexts(draft), new Set([...vars.resolvable, ...collection.names])) : []),
    [draft, vars, collection],
  );

  // A JSON body that does not parse is held back (with where the mistake is) until fixed or sent anyway.
  const [heldBack, setHeldBack] = useState<{ json: string; problem: JsonSyntaxProblem } | null>(null);
  const [revealAt, setRevealAt] = useState<{ line: number; column: number } | null>(null);

  const send = (anyway = false) => {
    if (!draft || !vars.environmentId || sender.pending) return;
    // GET and HEAD send no body, so there is nothing to check.
    const checked = draft.bodyMode === 'json' && draft.method !== 'GET' && draft.method !== 'HEAD' && !anyway;
    const problem = checked ? findJsonSyntaxProblem(draft.json) : null;
    setHeldBack(problem ? { json: draft.json, problem } : null);
    if (problem) return;
    sender.send({ environmentId: vars.environmentId, request: toRequestTemplate(draft), collectionId: collection.collectionId, savedRequestId: collection.savedRequestId });
  };

  // The command palette's "Send request" runs the same send.
  useCommandHandler('request.send', () => send());

  // Ctrl/Cmd+Enter from anywhere on the page sends the active tab (Monaco binds its own copy).
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter' && !e.defaultPrevented) {
        e.preventDefault();
        send();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (!draft) return null;
  const change = (patch: Partial<RequestDraft>) => updateDraft(tabId, patch);
  const onUrlChange = (url: string) => updateDraft(tabId, (d) => ({ url, query: rowsFromUrl(url, d.query) }));

  // The query table: the Params section itself, or (for catalog tabs) behind the operation's form.
  const queryTable = (
    <KeyValueEditor
      label="Query parameters"
      noun="parameter"
      rows={draft.query}
      onChange={(query) => change({ query, url: urlFromRows(draft.url, query) })}
      resolvable={vars.resolvable}
      suggestions={vars.suggestions}
      keyPlaceholder="Add parameter"
    />
  );

  const onEscape = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && sender.pending) sender.cancel();
  };

  const counts: Record<RequestSection, number | null> = {
    params: draft.query.filter((r) => r.enabled && r.key).length || null,
    headers: draft.headers.filter((r) => r.enabled && r.key).length || null,
    body: null,
    auth: null,
    tests: (draft.assertions?.length ?? 0) + (draft.captures?.length ?? 0) + (draft.preRequestScript?.trim() ? 1 : 0) + (draft.testScript?.trim() ? 1 : 0) || null,
  };
  const sections: { id: RequestSection; label: string }[] = [
    { id: 'params', label: 'Params' },
    { id: 'headers', label: 'Headers' },
    { id: 'body', label: draft.bodyMode === 'none' ? 'Body' : `Body · ${draft.bodyMode === 'json' ? 'JSON' : draft.bodyMode}` },
    { id: 'auth', label: 'Auth' },
    { id: 'tests', label: 'Tests' },
  ];

  return (
    <section className="request-editor" aria-label="Request" onKeyDown={onEscape}>
      <div className="url-bar">
        <label htmlFor={methodId} className="visually-hidden">
          Method
        </label>
        <select
          id={methodId}
          className={`select method-select method-${draft.method}`}
          value={draft.method}
          onChange={(e) => change({ method: e.target.value as HttpMethod })}
        >
          {HTTP_METHODS.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
        <VariableInput
          id={urlId}
          className="url-input"
          ariaLabel="URL"
          placeholder="{{business_domain}}/api/v1/users"
          value={draft.url}
          onChange={onUrlChange}
          onEnter={() => send()}
          resolvable={vars.resolvable}
          suggestions={vars.suggestions}
        />
        {sender.pending ? (
          <button type="button" className="btn send-btn btn-cancel" onClick={sender.cancel}>
            Cancel
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-primary send-btn"
            onClick={() => send()}
            disabled={!vars.environmentId || draft.url.trim() === ''}
            aria-keyshortcuts="Control+Enter Meta+Enter"
            title={`Send (${SEND_SHORTCUT})`}
          >
            Send
          </button>
        )}
        <SaveButton tabId={tabId} />
        <CodeButton tabId={tabId} />
      </div>

      <UnresolvedNotice names={unresolved} environmentId={vars.environmentId} environmentName={vars.environmentName} />
      {heldBack && heldBack.json === draft.json && draft.bodyMode === 'json' && (
        <JsonSyntaxNotice
          problem={heldBack.problem}
          onShow={() => {
            setSection('body');
            setRevealAt({ line: heldBack.problem.line, column: heldBack.problem.column });
          }}
          onSendAnyway={() => send(true)}
        />
      )}

      <div className="seg-tabs" role="tablist" aria-label="Request sections">
        {sections.map((s) => (
          <button
            key={s.id}
            type="button"
            role="tab"
            id={`req-${tabId}-${s.id}`}
            aria-selected={section === s.id}
            aria-controls={`req-${tabId}-panel`}
            tabIndex={section === s.id ? 0 : -1}
            className="seg-tab"
            onClick={() => setSection(s.id)}
            onKeyDown={(e) => {
              const i = sections.findIndex((x) => x.id === section);
              const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
              if (!step) return;
              e.preventDefault();
              const next = sections[(i + step + sections.length) % sections.length]!;
              setSection(next.id);
              document.getElementById(`req-${tabId}-${next.id}`)?.focus();
            }}
          >
            {s.label}
            {counts[s.id] !== null && <span className="count">{counts[s.id]}</span>}
          </button>
        ))}
      </div>

      <div className="request-section" role="tabpanel" id={`req-${tabId}-panel`} aria-labelledby={`req-${tabId}-${section}`}>
        {section === 'params' && !draft.operationId && queryTable}
        {section === 'params' && draft.operationId && (
          // Catalog tabs: the operation's documented parameters as a form; the plain table stays one click away.
          <>
            <OperationParams draft={{ ...draft, operationId: draft.operationId }} onChange={change} resolvable={vars.resolvable} suggestions={vars.suggestions} />
            <details className="raw-query">
              <summary>All query parameters as a key/value table</summary>
              {queryTable}
            </details>
          </>
        )}
        {section === 'headers' && (
          <>
            <KeyValueEditor
              label="Headers"
              noun="header"
              rows={draft.headers}
              onChange={(headers) => change({ headers })}
              resolvable={vars.resolvable}
              suggestions={vars.suggestions}
              keyPlaceholder="Add header"
            />
            {draft.auth === 'kinde-m2m' && (
              <p className="section-note muted">
                <code>Authorization: Bearer &lt;Kinde M2M token&gt;</code> is added by the server.
              </p>
            )}
          </>
        )}
        {section === 'body' && (
          <BodyEditor
            tabId={tabId}
            draft={draft}
            onChange={change}
            onSubmit={() => send()}
            revealAt={revealAt}
            resolvable={vars.resolvable}
            suggestions={vars.suggestions}
          />
        )}
        {section === 'auth' && (
          <AuthEditor auth={draft.auth} onChange={(auth) => change({ auth })} environmentName={vars.environmentName} />
        )}
        {section === 'tests' && (
          <Suspense fallback={<div className="editor-loading" role="status">Loading tests…</div>}>
            <TestsEditor tabId={tabId} draft={draft} onChange={change} onSubmit={send} />
          </Suspense>
        )}
      </div>
    </section>
  );
}
