import type { RunSummary } from '../types.ts';

/** The JSON report: the run summary as is (schema `runSummarySchema`), pretty-printed. */
export function toJsonReport(summary: RunSummary): string {
  return `${JSON.stringify({ reporter: 'kinde-explorer', version: 1, run: summary }, null, 2)}\n`;
}
