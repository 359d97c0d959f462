import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { RequestTemplate } from '@kinde-explorer/core';
import type { ApiClientError } from '../../lib/api-error.ts';
import { formatBytes, formatDuration } from '../../lib/format.ts';
import { useAppStore } from '../../store/app-store.ts';
import { ThemeToggle } from '../layout/theme-toggle.tsx';
import { DemoMenu } from '../demo/demo-menu.tsx';
import { maskPersonalDataInText } from '../demo/core-demo.ts';
import { hideOrigin } from '../demo/hide-values.ts';
import { SnippetPanel } from '../snippets/snippet-panel.tsx';
import { shareQuery, type SharedResponse, type ShareView } from './share-queries.ts';
import './share.css';

export { shareIdFromPath } from './share-path.ts';

function KeyValueTable({ label, rows }: { label: string; rows: { key: string; value: string; enabled?: boolean | undefined }[] }) {
  const shown = rows.filter((r) => r.enabled !== false);
  if (shown.length === 0) return <p className="muted">No {label.toLowerCase()}.</p>;
  return (
    <table className="share-table" aria-label={label}>
      <tbody>
        {shown.map((r, i) => (
          <tr key={`${r.key}-${i}`}>
            <th scope="row" className="mono">{r.key}</th>
            <td className="mono">{r.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function requestBodyText(request: RequestTemplate): string | null {
  const body = request.body;
  switch (body?.mode) {
    case 'json':
      return body.json;
    case 'text':
      return body.text;
    case 'urlencoded':
      return body.urlencoded.filter((r) => r.enabled !== false).map((r) => `${r.key}=${r.value}`).join('\n');
    case 'multipart':
      return body.multipart.filter((r) => r.enabled !== false).map((r) => `${r.key}: ${r.fileName ? `<file ${r.fileName}>` : r.value}`).join('\n');
    default:
      return null;
  }
}

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

function statusClass(status: number): string {
  return `status-${Math.min(5, Math.max(2, Math.floor(status / 100)))}xx`;
}

function ResponseSection({ response }: { response: SharedResponse }) {
  const [view, setView] = useState<'body' | 'headers'>('body');
  const mask = useAppStore((s) => s.maskPersonalData);
  const presenting = useAppStore((s) => s.presentationMode);
  const body = useMemo(() => pretty(mask ? maskPersonalDataInText(response.body).text : response.body), [response.body, mask]);
  const { totalMs, tokenMs, upstreamMs } = response.timings;
  return (
    <section className="share-card" aria-label="Response">
      <div className="share-card-header">
        <h2>Response</h2>
        <span className={`share-status ${statusClass(response.status)}`} aria-label={`Status ${response.status} ${response.statusText}`}>
          {response.status} {response.statusText}
        </span>
        {totalMs !== undefined && (
          <span className="muted" title={`token ${formatDuration(tokenMs ?? 0)} · upstream ${formatDuration(upstreamMs ?? 0)}`}>
            {formatDuration(totalMs)}
          </span>
        )}
        {response.size !== null && <span className="muted">{formatBytes(response.size)}</span>}
      </div>
      {response.url && <p className="mono share-url muted" title="Requested URL">{presenting ? hideOrigin(response.url) : response.url}</p>}
      <div className="seg-tabs share-tabs" role="tablist" aria-label="Response views">
        {(['body', 'headers'] as const).map((v) => (
          <button key={v} type="button" role="tab" aria-selected={view === v} className="seg-tab" onClick={() => setView(v)}>
            {v === 'body' ? 'Body' : 'Headers'}
            {v === 'headers' && <span className="count">{response.headers.length}</span>}
          </button>
        ))}
      </div>
      {view === 'headers' && <KeyValueTable label="Response headers" rows={response.headers} />}
      {view === 'body' && (
        <>
          {response.bodyOmitted && <p className="muted">The body was binary and is not part of the share.</p>}
          {!response.bodyOmitted && response.body === '' && <p className="muted">The response has no body.</p>}
          {response.body !== '' && (
            <pre className="share-body" aria-label="Response body" tabIndex={0}>
              {body}
            </pre>
          )}
          {response.bodyTruncated && <p className="muted">The body was cut at the share size limit.</p>}
        </>
      )}
    </section>
  );
}

function ShareContent({ share }: { share: ShareView }) {
  const presenting = useAppStore((s) => s.presentationMode);
  const bodyText = requestBodyText(share.request);
  return (
    <div className="share-layout">
      <div className="share-main">
        <div className="share-title">
          <h1>{share.title}</h1>
          <p className="muted">
            Shared {new Date(share.createdAt).toLocaleString()}
            {share.environmentName && !presenting && <> · environment “{share.environmentName}”</>}
            {share.personalDataMasked && <span className="chip share-chip">personal data masked</span>}
          </p>
        </div>
        <section className="share-card" aria-label="Request">
          <div className="share-card-header">
            <h2>Request</h2>
          </div>
          <p className="share-request-line">
            <span className={`share-method method-${share.request.method}`}>{share.request.method}</span>
            <span className="mono">{share.request.url}</span>
          </p>
          <KeyValueTable label="Request headers" rows={share.request.headers ?? []} />
          {(share.request.auth ?? 'kinde-m2m') === 'kinde-m2m' && (
            <p className="muted share-auth-note">Authorized with the environment’s Kinde M2M token (never part of a share).</p>
          )}
          {bodyText !== null && (
            <pre className="share-body share-request-body" aria-label="Request body">
              {bodyText}
            </pre>
          )}
        </section>
        <ResponseSection response={share.response} />
      </div>
      <aside className="share-card share-code" aria-label="Code">
        <div className="share-card-header">
          <h2>Code</h2>
        </div>
        {share.snippetAvailable ? (
          <SnippetPanel source={{ kind: 'share', shareId: share.id }} />
        ) : (
          <p className="muted">This request has no absolute URL, so no code can be written for it.</p>
        )}
      </aside>
    </div>
  );
}

/** `/share/<id>`: a read-only snapshot a teammate opens from a link, with code to copy. */
export function SharePage({ shareId }: { shareId: string }) {
  const { data, error, isPending } = useQuery(shareQuery(shareId));
  const failure = error as ApiClientError | null;
  return (
    <div className="share-page">
      <header className="top-bar share-top">
        <a className="brand" href="/">
          <span className="brand-mark" aria-hidden="true">K</span>
          <span className="brand-name">Kinde API Explorer</span>
          <span className="muted share-kind">Shared request · read-only</span>
        </a>
        <div className="top-bar-actions">
          <DemoMenu />
          <ThemeToggle />
        </div>
      </header>
      <main className="share-page-main">
        {isPending && <p className="muted" role="status">Loading the shared request…</p>}
        {failure && (
          <div className={`notice ${failure.status === 410 ? 'notice-warning' : 'notice-danger'} share-missing`} role="alert">
            <p className="notice-title">
              {failure.status === 410 ? 'This link was revoked' : failure.status === 404 ? 'There is nothing at this link' : 'The share could not be loaded'}
            </p>
            <p>{failure.status === 410 || failure.status === 404 ? 'Ask whoever sent it for a new one.' : failure.message}</p>
          </div>
        )}
        {data && <ShareContent share={data} />}
      </main>
    </div>
  );
}
