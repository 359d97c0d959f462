import { Fragment, useMemo, useState } from 'react';
import type { RequestResult } from '@kinde-explorer/runner';
import { formatBytes, formatDuration } from '../../lib/format.ts';
import { failuresFirst, slowest } from './run-progress.ts';

export const resultKey = (r: RequestResult) => `${r.iteration}:${r.index}`;

function resultStatus(r: RequestResult): string {
  if (r.error) return r.error.code;
  return r.response ? String(r.response.status) : '—';
}

function ResultRow({ result, selected, iterations, onSelect }: { result: RequestResult; selected: boolean; iterations: number; onSelect: () => void }) {
  const failed = result.tests.filter((t) => !t.passed);
  const label = [...result.path, result.name].join(' / ');
  return (
    <li>
      <button type="button" className={`run-result ${result.failed ? 'run-result-failed' : ''}`} aria-pressed={selected} onClick={onSelect}>
        <span className={result.failed ? 'run-fail' : 'run-pass'} aria-label={result.failed ? 'failed' : 'passed'}>
          {result.failed ? '✗' : '✓'}
        </span>
        <span className={`run-method method-${result.method}`}>{result.method}</span>
        <span className="run-result-name" title={label}>
          {label}
          {iterations > 1 && <span className="muted"> · iteration {result.iteration + 1}</span>}
        </span>
        <span className="run-result-status mono">{resultStatus(result)}</span>
        <span className="run-result-time mono">{result.response ? formatDuration(result.response.timeMs) : ''}</span>
        <span className="run-result-tests">{result.tests.length ? `${result.tests.length - failed.length}/${result.tests.length}` : 'no tests'}</span>
      </button>
      {result.failed && (
        <ul className="run-failures">
          {result.error && <li>{result.error.message}</li>}
          {failed.map((t, i) => (
            <li key={i}>
              <button type="button" className="run-failure-link" onClick={onSelect}>
                {t.name}
              </button>
              {t.error && <span className="muted"> — {t.error}</span>}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** Every request's result, failures first; the totals and slowest requests above. */
export function RunResults({
  results,
  iterations,
  selected,
  onSelect,
}: {
  results: readonly RequestResult[];
  iterations: number;
  selected: string | null;
  onSelect: (r: RequestResult) => void;
}) {
  const [onlyFailed, setOnlyFailed] = useState(false);
  const ordered = useMemo(() => failuresFirst(results), [results]);
  const shown = onlyFailed ? ordered.filter((r) => r.failed) : ordered;
  const slow = useMemo(() => slowest(results, 3), [results]);
  const failedCount = ordered.filter((r) => r.failed).length;
  const avg = results.length ? results.reduce((n, r) => n + (r.response?.timeMs ?? 0), 0) / results.length : 0;
  const bytes = results.reduce((n, r) => n + (r.response?.size ?? 0), 0);

  return (
    <section className="run-results" aria-label="Results">
      {results.length > 0 && (
        <div className="run-summary">
          <span>
            Average <strong className="mono">{formatDuration(avg)}</strong> · {formatBytes(bytes)} received
          </span>
          {slow.length > 0 && (
            <span className="run-slowest">
              Slowest:{' '}
              {slow.map((r, i) => (
                <Fragment key={resultKey(r)}>
                {i > 0 && ', '}
                <button type="button" className="run-failure-link" onClick={() => onSelect(r)}>
                  {r.name} ({formatDuration(r.response?.timeMs ?? 0)})
                </button>
                </Fragment>
              ))}
            </span>
          )}
          <label className="run-only-failed">
            <input type="checkbox" checked={onlyFailed} onChange={(e) => setOnlyFailed(e.target.checked)} /> Failures only ({failedCount})
          </label>
        </div>
      )}
      <ul className="run-result-list">
        {shown.map((r) => (
          <ResultRow key={resultKey(r)} result={r} iterations={iterations} selected={selected === resultKey(r)} onSelect={() => onSelect(r)} />
        ))}
      </ul>
      {results.length === 0 && <p className="muted run-empty">No results yet.</p>}
    </section>
  );
}
