import { useRef, useState } from 'react';
import type { SendResult } from '@kinde-explorer/core';
import { useAppStore } from '../../store/app-store.ts';
import type { ResponseView } from '../../store/ui-slice.ts';
import { formatBytes, formatDuration } from '../../lib/format.ts';
import { LazyCodeEditor } from '../../lib/monaco/lazy-code-editor.tsx';
import { HeadersTable } from './headers-table.tsx';
import { KindeErrorSummary } from './kinde-error-summary.tsx';
import { base64ToBlob, saveFile } from './save-file.ts';
import { headerValue, useFormattedBody } from './use-formatted-body.ts';

interface FindableEditor {
  focus(): void;
  getAction(id: string): { run(): Promise<void> } | null;
}

function statusClass(status: number): string {
  if (status >= 500) return 'status-5xx';
  if (status >= 400) return 'status-4xx';
  if (status >= 300) return 'status-3xx';
  return 'status-2xx';
}

const VIEWS: { id: ResponseView; label: string }[] = [
  { id: 'pretty', label: 'Pretty' },
  { id: 'raw', label: 'Raw' },
  { id: 'headers', label: 'Headers' },
];

/** Status, timings, size, the body (pretty / raw) and headers of one upstream answer. */
export function ResponseResult({ tabId, result, stale }: { tabId: string; result: SendResult; stale: boolean }) {
  const view = useAppStore((s) => s.responseView);
  const setView = useAppStore((s) => s.setResponseView);
  const formatted = useFormattedBody(result);
  const editorRef = useRef<FindableEditor | null>(null);
  const [copied, setCopied] = useState(false);
  const contentType = headerValue(result, 'content-type') ?? '';
  const binary = result.bodyEncoding === 'base64';
  const { tokenMs, upstreamMs, totalMs } = result.timings;

  const copy = async () => {
    const text = view === 'pretty' && formatted ? formatted.pretty : result.body;
    await navigator.clipboard.writeText(text);
    setCopied(true);
    window.setTimeout(() => setCopied(false), 1500);
  };
  const save = () => {
    const ext = formatted?.isJson ? 'json' : contentType.includes('html') ? 'html' : binary ? 'bin' : 'txt';
    const name = `kinde-response-${result.status}-${new Date().toISOString().replace(/[:.]/g, '-')}.${ext}`;
    if (binary) saveFile(base64ToBlob(result.body, contentType || 'application/octet-stream'), name);
    else saveFile(view === 'pretty' && formatted ? formatted.pretty : result.body, name, contentType || 'text/plain');
  };
  const find = () => {
    const editor = editorRef.current;
    if (!editor) return;
    editor.focus();
    void editor.getAction('actions.find')?.run();
  };

  return (
    <div className={`response-result ${stale ? 'response-stale' : ''}`}>
      <div className="response-meta" aria-label="Response summary">
        <span className={`status-badge ${statusClass(result.status)}`} aria-label={`Status ${result.status} ${result.statusText}`}>
          {result.status} {result.statusText}
        </span>
        <span className="meta-item" title="Time to get the token, time Kinde took, and the whole round trip">
          <span className="meta-label">Time</span>
          <span className="mono">{formatDuration(totalMs)}</span>
          <span className="meta-breakdown">
            token <span className="mono">{formatDuration(tokenMs)}</span> · upstream{' '}
            <span className="mono">{formatDuration(upstreamMs)}</span> · total <span className="mono">{formatDuration(totalMs)}</span>
          </span>
        </span>
        <span className="meta-item">
          <span className="meta-label">Size</span>
          <span className="mono">{formatBytes(result.size)}</span>
          {result.truncated && <span className="meta-truncated">truncated</span>}
        </span>
        <span className="meta-url mono" title={result.url}>
          {result.url}
        </span>
      </div>

      {formatted?.kindeErrors || result.status >= 400 ? (
        <KindeErrorSummary status={result.status} errors={formatted?.kindeErrors ?? null} retryAfter={headerValue(result, 'retry-after')} />
      ) : null}

      <div className="response-toolbar">
        <div className="seg-tabs response-views" role="tablist" aria-label="Response views">
          {VIEWS.map((v) => (
            <button
              key={v.id}
              type="button"
              role="tab"
              aria-selected={view === v.id}
              tabIndex={view === v.id ? 0 : -1}
              className="seg-tab"
              onClick={() => setView(v.id)}
              onKeyDown={(e) => {
                const i = VIEWS.findIndex((x) => x.id === view);
                const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
                if (!step) return;
                e.preventDefault();
                const next = VIEWS[(i + step + VIEWS.length) % VIEWS.length]!;
                setView(next.id);
                (e.currentTarget.parentElement?.children[VIEWS.indexOf(next)] as HTMLElement | undefined)?.focus();
              }}
            >
              {v.label}
              {v.id === 'headers' && <span className="count">{result.headers.length}</span>}
            </button>
          ))}
        </div>
        <div className="response-actions">
          {view !== 'headers' && !binary && (
            <button type="button" className="btn btn-sm" onClick={find} aria-keyshortcuts="Control+F">
              Search
            </button>
          )}
          <button type="button" className="btn btn-sm" onClick={() => void copy()} disabled={binary}>
            {copied ? 'Copied' : 'Copy'}
          </button>
          <button type="button" className="btn btn-sm" onClick={save}>
            Save to file
          </button>
        </div>
      </div>

      <div className="response-body">
        {view === 'headers' && (
          <div className="response-headers">
            <HeadersTable headers={result.headers} />
          </div>
        )}
        {view !== 'headers' && binary && (
          <div className="response-placeholder">
            <p className="response-placeholder-title">Binary response ({formatBytes(result.size)})</p>
            <p className="muted">Save it to a file to open it.</p>
          </div>
        )}
        {view !== 'headers' && !binary && result.body === '' && (
          <p className="muted response-empty-note">The response has no body.</p>
        )}
        {view === 'pretty' && !binary && result.body !== '' && (
          formatted ? (
            <LazyCodeEditor
              key="pretty"
              readOnly
              language={formatted.isJson ? 'json' : 'plaintext'}
              path={`response-${tabId}.${formatted.isJson ? 'json' : 'txt'}`}
              ariaLabel="Response body"
              value={formatted.pretty}
              onReady={(editor) => (editorRef.current = editor)}
            />
          ) : (
            <div className="editor-loading" role="status">Formatting {formatBytes(result.size)}…</div>
          )
        )}
        {view === 'raw' && !binary && result.body !== '' && (
          <LazyCodeEditor
            key="raw"
            readOnly
            language="plaintext"
            path={`response-raw-${tabId}.txt`}
            ariaLabel="Raw response body"
            value={result.body}
            onReady={(editor) => (editorRef.current = editor)}
          />
        )}
      </div>
    </div>
  );
}
