import type { ImportAnswer } from './import-queries.ts';
import { importSummary } from './import-summary.ts';

/**
 * The import's report: what was changed on the way in and what could not be mapped, every line
 * of it, so nothing is dropped silently.
 */
export function ImportReport({ answer, environmentName }: { answer: ImportAnswer; environmentName: string }) {
  const { kept, unmapped } = answer.report;
  return (
    <div className="import-report" aria-label="Import report" role="region">
      <p className="notice notice-info">{importSummary(answer, environmentName)}</p>
      <section aria-label="Kept with changes">
        <h3>Kept, with changes ({kept.length})</h3>
        {kept.length === 0 ? <p className="muted">Nothing needed changing.</p> : (
          <ul>
            {kept.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label="Not mapped">
        <h3>Could not be mapped ({unmapped.length})</h3>
        {unmapped.length === 0 ? <p className="muted">Everything was imported.</p> : (
          <ul className="import-unmapped">
            {unmapped.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
