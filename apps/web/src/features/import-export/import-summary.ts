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
