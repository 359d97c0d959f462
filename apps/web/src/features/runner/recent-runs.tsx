import { formatDuration } from '../../lib/format.ts';
import type { RunSummaryView } from './runner-queries.ts';

/** The last runs of this collection; picking one shows its results. */
export function RecentRuns({ runs, current, onPick }: { runs: readonly RunSummaryView[]; current: string | null; onPick: (id: string) => void }) {
  if (runs.length === 0) return null;
  return (
    <section className="recent-runs" aria-label="Recent runs">
      <h3 className="recent-runs-title">Recent runs</h3>
      <ul>
        {runs.map((r) => (
          <li key={r.id}>
            <button type="button" className="recent-run" aria-pressed={r.id === current} onClick={() => onPick(r.id)}>
              <span className={`run-status run-status-${r.status}`}>{r.status}</span>
              <span className="recent-run-name">{r.name}</span>
              <span className="muted">
                {r.testsPassed} passed · {r.testsFailed} failed · {r.durationMs !== null ? formatDuration(r.durationMs) : '…'}
              </span>
              <span className="muted">{new Date(r.startedAt).toLocaleString()}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
