import { useEffect, useState } from 'react';
import { formatDuration } from '../../lib/format.ts';
import type { RunProgress } from './run-progress.ts';

function useElapsed(since: string | null, running: boolean, final: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, [running]);
  if (final !== null) return final;
  return since ? Math.max(0, now - Date.parse(since)) : 0;
}

/** Progress bar, the request in flight, pass / fail counts and elapsed time. */
export function RunLive({ progress, running, status }: { progress: RunProgress; running: boolean; status: string | null }) {
  const elapsed = useElapsed(progress.startedAt, running, progress.summary?.durationMs ?? null);
  const total = Math.max(progress.totalRequests, progress.done);
  const percent = total ? Math.round((progress.done / total) * 100) : 0;
  return (
    <section className="run-live" aria-label="Run progress">
      <div
        className="run-bar"
        role="progressbar"
        aria-label="Requests done"
        aria-valuemin={0}
        aria-valuemax={total || 1}
        aria-valuenow={progress.done}
        aria-valuetext={`${progress.done} of ${total} requests`}
      >
        <div className={`run-bar-fill ${progress.failedTests || progress.failedRequests ? 'run-bar-failing' : ''}`} style={{ width: `${percent}%` }} />
      </div>
      <div className="run-counts" role="status" aria-live="polite">
        <span>
          <strong>{progress.done}</strong> / {total} requests
        </span>
        <span className="run-pass">{progress.passedTests} passed</span>
        <span className={progress.failedTests ? 'run-fail' : 'muted'}>{progress.failedTests} failed</span>
        {progress.failedRequests > 0 && <span className="run-fail">{progress.failedRequests} not sent</span>}
        {progress.rateLimitWaits > 0 && <span className="muted">{progress.rateLimitWaits} × 429 waited out</span>}
        <span className="mono">{formatDuration(elapsed)}</span>
        {status && <span className={`run-status run-status-${status}`}>{status}</span>}
      </div>
      {running && progress.current && (
        <p className="run-current muted">
          Running <span className={`method-${progress.current.method}`}>{progress.current.method}</span>{' '}
          {[...progress.current.path, progress.current.name].join(' / ')}
          {progress.iterations > 1 ? ` (iteration ${progress.current.iteration + 1} of ${progress.iterations})` : ''}
        </p>
      )}
    </section>
  );
}
