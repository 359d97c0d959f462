import { search, type OperationSummary, type SearchIndex } from './core-catalog.ts';

/*
 * Search runs on every keystroke, so its cost is measured where users feel it: in the browser.
 * Each search is recorded as a `catalog-search` performance measure (and the keystroke-to-screen
 * time as `catalog-keystroke`, see catalog-panel.tsx), readable with
 * `performance.getEntriesByName('catalog-search')` from DevTools or a test.
 */

export const SEARCH_MEASURE = 'catalog-search';
export const KEYSTROKE_MEASURE = 'catalog-keystroke';

/** Core's search, timed; `ms` is the time the search itself took. */
export function timedSearch(index: SearchIndex, query: string): { results: OperationSummary[]; ms: number } {
  const start = performance.now();
  const results = search(index, query);
  const end = performance.now();
  record(SEARCH_MEASURE, start, end, { query, results: results.length, operations: index.entries.length });
  return { results, ms: end - start };
}

/** Adds a performance measure; the buffer is bounded so a long session cannot grow it forever. */
export function record(name: string, start: number, end: number, detail: Record<string, unknown>): void {
  if (typeof performance.measure !== 'function') return;
  if (performance.getEntriesByName(name).length > 500) performance.clearMeasures(name);
  performance.measure(name, { start, end, detail });
}
