import { useRef, useState } from 'react';
import { useAppStore } from '../../store/app-store.ts';
import type { ResponseView } from '../../store/ui-slice.ts';
import { formatBytes } from '../../lib/format.ts';
import { LazyCodeEditor } from '../../lib/monaco/lazy-code-editor.tsx';
import { RAW_PREVIEW } from '../../lib/monaco/limits.ts';
import type { SendOutcome } from '../../lib/response-worker/protocol.ts';
import { HeadersTable } from './headers-table.tsx';
import { KindeErrorSummary } from './kinde-error-summary.tsx';
import { LargeBodyViewer, type LargeBodyHandle } from './large-body-viewer.tsx';
import { ResponseMeta } from './response-meta.tsx';
import { base64ToBlob, saveFile } from './save-file.ts';
import { fileContent, hasBody, prettyText, rawPreview, rawText } from './body-text.ts';
import { headerValue, useFormattedBody } from './use-formatted-body.ts';
import { ShareButton } from '../share/share-button.tsx';
import { SendTestsView } from '../runner/send-tests-view.tsx';

interface FindableEditor {
  focus(): void;
  getAction(id: string): { run(): Promise<void> } | null;
}

// Each result gets its own editor instance (and model), so the view never mixes two bodies.
const resultKeys = new WeakMap<SendOutcome, number>();
let nextResultKey = 0;
function resultKey(result: SendOutcome): number {
  let key = resultKeys.get(result);
  if (key === undefined) {
    key = nextResultKey++;
    resultKeys.set(result, key);
  }
  return key;
}

const VIEWS: { id: ResponseView; label: string }[] = [
  { id: 'pretty', label: 'Pretty' },
  { id: 'raw', label: 'Raw' },
  { id: 'headers', label: 'Headers' },
];

/** Status, timings, size, the body (pretty / raw) and headers of one upstream answer. */
export function ResponseResult({ tabId, result, stale }: { tabId: string; result: SendOutcome; stale: boolean }) {
  const chosenView = useAppStore((s) => s.responseView);
  // The Tests view exists for sends of requests with tests; otherwise it falls back to the body.
  const view = chosenView === 'tests' && !result.tests ? 'pretty' : chosenView;
  const views = result.tests ? [...VIEWS, { id: 'tests' as const, label: 'Tests' }] : VIEWS;
  const failedTests = result.tests?.results.filter((t) => !t.passed).length ?? 0;
  const setView = useAppStore((s) => s.setResponseView);
  const formatted = useFormattedBody(result);
  const editorRef = useRef<FindableEditor | null>(null);
  const largeRef = useRef<LargeBodyHandle | null>(null);
  const [copied, setCopied] = useState(false);
  const contentType = headerValue(result, 'content-type') ?? '';
  const binary = result.bodyEncoding === 'base64';
  const key = resultKey(result);

  const copy = async () => {
    await navigator.clipboard.writeText(view === 'pretty' ? prettyText(result, formatted) : rawText(result));
    setCopied(true);
    window.setTimeout(() => setCopied(false), 1500);
  };
  const save = () => {
    const ext = formatted?.isJson ? 'json' : contentType.includes('html') ? 'html' : binary ? 'bin' : 'txt';
    const name = `kinde-response-${result.status}-${new Date().toISOString().replace(/[:.]/g, '-')}.${ext}`;
    const type = contentType || (binary ? 'application/octet-stream' : 'text/plain');
    if (binary) saveFile(base64ToBlob(result.body, type), name);
    else saveFile(fileContent(result, formatted, view === 'pretty'), name, type);
  };
  const find = () => {
    if (view === 'pretty' && formatted?.large) {
      largeRef.current?.focusSearch();
      return;
    }
    editorRef.current?.focus();
    void editorRef.current?.getAction('actions.find')?.run();
  };

  const raw = view === 'raw' && !binary ? rawPreview(result) : null;

  return (
    <div className={`response-result ${stale ? 'response-stale' : ''}`}>
      <ResponseMeta result={result} />

      {(formatted?.kindeErrors || result.status >= 400) && (
        <KindeErrorSummary tabId={tabId} url={result.url} status={result.status} errors={formatted?.kindeErrors ?? null} retryAfter={headerValue(result, 'retry-after')} />
      )}

      <div className="response-toolbar">
        <div className="seg-tabs response-views" role="tablist" aria-label="Response views">
          {views.map((v, i) => (
            <button
              key={v.id}
              type="button"
              role="tab"
              aria-selected={view === v.id}
              tabIndex={view === v.id ? 0 : -1}
              className="seg-tab"
              onClick={() => setView(v.id)}
              onKeyDown={(e) => {
                const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
                if (!step) return;
                e.preventDefault();
                const next = (i + step + views.length) % views.length;
                setView(views[next]!.id);
                (e.currentTarget.parentElement?.children[next] as HTMLElement | undefined)?.focus();
              }}
            >
              {v.label}
              {v.id === 'headers' && <span className="count">{result.headers.length}</span>}
              {v.id === 'tests' && result.tests && (
                <span className={`count ${failedTests ? 'count-danger' : 'count-success'}`}>
                  {result.tests.results.length - failedTests}/{result.tests.results.length}
                </span>
              )}
            </button>
          ))}
        </div>
        <div className="response-actions">
          {view !== 'headers' && view !== 'tests' && !binary && hasBody(result) && (
            <button type="button" className="btn btn-sm" onClick={find} aria-keyshortcuts="Control+F">
              Search
            </button>
          )}
          <button type="button" className="btn btn-sm" onClick={() => void copy()} disabled={binary || !hasBody(result)}>
            {copied ? 'Copied' : 'Copy'}
          </button>
          <button type="button" className="btn btn-sm" onClick={save} disabled={!hasBody(result)}>
            Save to file
          </button>
          <ShareButton tabId={tabId} />
        </div>
      </div>

      <div className="response-body">
        {view === 'headers' && (
          <div className="response-headers">
            <HeadersTable headers={result.headers} />
          </div>
        )}
        {view === 'tests' && result.tests && <SendTestsView tests={result.tests} />}
        {view !== 'headers' && view !== 'tests' && binary && (
          <div className="response-placeholder">
            <p className="response-placeholder-title">Binary response ({formatBytes(result.size)})</p>
            <p className="muted">Save it to a file to open it.</p>
          </div>
        )}
        {view !== 'headers' && view !== 'tests' && !binary && !hasBody(result) && <p className="muted response-empty-note">The response has no body.</p>}
        {view === 'pretty' && formatted?.large && (
          <LargeBodyViewer
            key={`large-${key}`}
            body={formatted.large}
            isJson={formatted.isJson}
            onReady={(handle) => (largeRef.current = handle)}
          />
        )}
        {view === 'pretty' && formatted && !formatted.large && hasBody(result) && (
          <LazyCodeEditor
            key={`pretty-${key}`}
            readOnly
            language={formatted.isJson ? 'json' : 'plaintext'}
            path={`response-${tabId}-${key}.${formatted.isJson ? 'json' : 'txt'}`}
            ariaLabel="Response body"
            value={formatted.pretty}
            onReady={(editor) => (editorRef.current = editor)}
          />
        )}
        {raw && hasBody(result) && (
          <div className="raw-view">
            {raw.partial && (
              <p className="raw-note">
                Showing the first {formatBytes(RAW_PREVIEW)} of {formatBytes(result.size)}. Copy and Save to file use the
                whole body.
              </p>
            )}
            <LazyCodeEditor
              key={`raw-${key}`}
              readOnly
              language="plaintext"
              path={`response-raw-${tabId}-${key}.txt`}
              ariaLabel="Raw response body"
              value={raw.text}
              onReady={(editor) => (editorRef.current = editor)}
            />
          </div>
        )}
      </div>
    </div>
  );
}
