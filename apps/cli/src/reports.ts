import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportPostmanEnvironment, type ImportedVariable } from '@kinde-explorer/core';
import { toJsonReport, toJUnitXml, type RunSummary } from '@kinde-explorer/runner';
import { userPath } from './load-inputs.ts';
import type { ReporterName, RunOptions } from './options.ts';

/** Where newman writes a report when no path is given: ./newman/<name>-<timestamp>.<ext>. */
function defaultPath(kind: 'xml' | 'json'): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return `newman/kinde-explorer-run-report-${stamp}.${kind}`;
}

function write(file: string, text: string): string {
  const path = userPath(file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return file;
}

/** Writes the JUnit / JSON reports and the exported environment; answers what was written. */
export function writeReports(summary: RunSummary, reporters: ReporterName[], opts: RunOptions, env: { name: string; variables: ImportedVariable[] }): string[] {
  const written: string[] = [];
  if (reporters.includes('junit') || opts.reporterJunitExport) written.push(write(opts.reporterJunitExport ?? defaultPath('xml'), toJUnitXml(summary)));
  if (reporters.includes('json') || opts.reporterJsonExport) written.push(write(opts.reporterJsonExport ?? defaultPath('json'), toJsonReport(summary)));
  if (opts.exportEnvironment) written.push(write(opts.exportEnvironment, `${JSON.stringify(exportedEnvironment(summary, env), null, 2)}\n`));
  return written;
}

/** The environment with the run's changes applied; secrets are written empty, as every export of the explorer. */
function exportedEnvironment(summary: RunSummary, env: { name: string; variables: ImportedVariable[] }) {
  const variables = env.variables.map((v) => ({ ...v }));
  for (const [key, value] of Object.entries(summary.environmentChanges)) {
    const existing = variables.find((v) => v.key === key);
    if (existing?.secret) continue;
    if (value === null) {
      const i = variables.findIndex((v) => v.key === key);
      if (i !== -1) variables.splice(i, 1);
    } else if (existing) existing.value = value;
    else variables.push({ key, value, secret: false, enabled: true });
  }
  return exportPostmanEnvironment({ name: env.name, variables });
}
