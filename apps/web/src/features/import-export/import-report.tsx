import type { ImportAnswer } from './import-queries.ts';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** One sentence for what an import created or changed. */
export function importSummary(answer: ImportAnswer, environmentName: string): string {
  if (answer.kind === 'collection') {
    return answer.collections
      .map((c) => `Created collection “${c.name}” with ${plural(c.folders, 'folder')} and ${plural(c.requests, 'request')} in ${environmentName}.`)
      .join(' ');
  }
  if (answer.kind === 'environment' && answer.environment) {
    const env = answer.environment;
    const secrets = env.variables.filter((v) => v.secret).length;
    const what = `${plural(env.variables.length, 'variable')}${secrets ? ` (${secrets} secret)` : ''}`;
    return env.created ? `Created environment “${env.name}” with ${what}.` : `Merged ${what} into “${env.name}”.`;
  }
  if (answer.saved) return `Saved the request as “${answer.saved.name}”.`;
  return `Opened the request “${answer.request?.name ?? 'cURL'}” in a new tab (not saved yet: Ctrl+S saves it).`;
}

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
