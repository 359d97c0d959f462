import { newRow } from './request-draft.ts';
import type { KeyValueRow } from './request-draft-schema.ts';

/** Splits a URL template into the part before `?`, the query string and the `#fragment`. */
export function splitUrl(url: string): { base: string; query: string | null; hash: string } {
  const hashAt = url.indexOf('#');
  const hash = hashAt >= 0 ? url.slice(hashAt) : '';
  const rest = hashAt >= 0 ? url.slice(0, hashAt) : url;
  const queryAt = rest.indexOf('?');
  if (queryAt < 0) return { base: rest, query: null, hash };
  return { base: rest.slice(0, queryAt), query: rest.slice(queryAt + 1), hash };
}

/** `a=1&b` → pairs, kept as typed (the server encodes when it sends). */
export function parseQuery(query: string): { key: string; value: string }[] {
  if (query === '') return [];
  return query.split('&').map((part) => {
    const eq = part.indexOf('=');
    return eq < 0 ? { key: part, value: '' } : { key: part.slice(0, eq), value: part.slice(eq + 1) };
  });
}

function buildQuery(rows: readonly KeyValueRow[]): string {
  return rows
    .filter((r) => r.enabled && (r.key !== '' || r.value !== ''))
    .map((r) => (r.value === '' ? r.key : `${r.key}=${r.value}`))
    .join('&');
}

/**
 * The query table after the URL was edited: enabled rows follow the URL (reusing row ids by
 * position so focus stays put), disabled rows are kept where they were.
 */
export function rowsFromUrl(url: string, previous: readonly KeyValueRow[]): KeyValueRow[] {
  const { query } = splitUrl(url);
  const pairs = query === null ? [] : parseQuery(query);
  const enabledBefore = previous.filter((r) => r.enabled);
  const fromUrl = pairs.map((p, i) => {
    const reuse = enabledBefore[i];
    return reuse ? { ...reuse, key: p.key, value: p.value } : newRow(p.key, p.value);
  });
  // Disabled rows keep their place relative to the enabled rows around them.
  const result: KeyValueRow[] = [];
  let next = 0;
  for (const row of previous) {
    if (!row.enabled) result.push(row);
    else if (next < fromUrl.length) result.push(fromUrl[next++]!);
  }
  while (next < fromUrl.length) result.push(fromUrl[next++]!);
  return result;
}

/** The URL after the query table was edited. */
export function urlFromRows(url: string, rows: readonly KeyValueRow[]): string {
  const { base, hash } = splitUrl(url);
  const query = buildQuery(rows);
  return `${base}${query === '' ? '' : `?${query}`}${hash}`;
}
