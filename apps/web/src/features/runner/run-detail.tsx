import { useMemo, useState } from 'react';
import type { RequestResult } from '@kinde-explorer/runner';
import { formatBytes, formatDuration } from '../../lib/format.ts';
import { HeadersTable } from '../response-viewer/headers-table.tsx';
import { useDemoText } from '../demo/use-demo.ts';
import { TestList } from './test-list.tsx';

type Section = 'tests' | 'body' | 'headers' | 'console';

function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** One request of a run: what was sent, what came back, its tests, captures and console. */
export function RunDetail({ result, onOpenRequest }: { result: RequestResult; onOpenRequest: (() => void) | null }) {
  const [section, setSection] = useState<Section>(result.failed ? 'tests' : 'body');
  const demoText = useDemoText();
  const body = useMemo(() => (result.response ? demoText(prettyBody(result.response.body)) : ''), [result.response, demoText]);
  const sections: { id: Section; label: string }[] = [
    { id: 'tests', label: `Tests (${result.tests.length})` },
    { id: 'body', label: 'Body' },
    { id: 'headers', label: 'Headers' },
    { id: 'console', label: `Console (${result.console.length})` },
  ];
  return (
    <section className="run-detail" aria-label={`Result of ${result.name}`}>
      <header className="run-detail-head">
        <h3 className="run-detail-title">
          <span className={`method-${result.method}`}>{result.method}</span> {result.name}
        </h3>
        {onOpenRequest && (
          <button type="button" className="btn btn-sm" onClick={onOpenRequest}>
            Open request
          </button>
        )}
      </header>
      <p className="run-detail-url mono" title={result.url}>
        {demoText(result.url)}
      </p>
      {result.response && (
        <p className="run-detail-meta">
          <span className={`run-status-code run-status-${Math.floor(result.response.status / 100)}xx`}>
            {result.response.status} {result.response.statusText}
          </span>
          <span className="mono">{formatDuration(result.response.timeMs)}</span>
          <span className="mono">{formatBytes(result.response.size)}</span>
          {result.retries.length > 0 && <span className="muted">waited out {result.retries.length} × 429</span>}
        </p>
      )}
      {result.error && (
        <div className="notice notice-danger" role="alert">
          <p className="notice-title">Not sent: {result.error.code}</p>
          <p>{result.error.message}</p>
        </div>
      )}
      <div className="seg-tabs" role="tablist" aria-label="Result sections">
        {sections.map((s) => (
          <button key={s.id} type="button" role="tab" aria-selected={section === s.id} className="seg-tab" onClick={() => setSection(s.id)}>
            {s.label}
          </button>
        ))}
      </div>
      <div className="run-detail-body" role="tabpanel">
        {section === 'tests' && (
          <>
            <TestList tests={result.tests} />
            {result.captures.length > 0 && (
              <table className="headers-table run-captures" aria-label="Captured variables">
                <thead>
                  <tr>
                    <th scope="col">Variable</th>
                    <th scope="col">Value</th>
                    <th scope="col">From</th>
                  </tr>
                </thead>
                <tbody>
                  {result.captures.map((c, i) => (
                    <tr key={i}>
                      <td className="mono">{c.variable}</td>
                      <td className="mono">{c.value === null ? <span className="muted">not in the response</span> : demoText(c.value)}</td>
                      <td className="mono">{c.source}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
        {section === 'body' &&
          (result.response ? (
            <>
              {result.response.bodyTruncated && <p className="muted">The body is cut at 64 KB in run results.</p>}
              <pre className="run-body mono">{result.response.bodyEncoding === 'base64' ? '(binary body)' : body || '(empty body)'}</pre>
            </>
          ) : (
            <p className="muted">No response.</p>
          ))}
        {section === 'headers' && <HeadersTable headers={result.response?.headers ?? []} />}
        {section === 'console' &&
          (result.console.length ? (
            <ol className="run-console mono">
              {result.console.map((c, i) => (
                <li key={i} className={`run-console-${c.level}`}>
                  {demoText(c.message)}
                </li>
              ))}
            </ol>
          ) : (
            <p className="muted">Nothing logged.</p>
          ))}
      </div>
    </section>
  );
}
