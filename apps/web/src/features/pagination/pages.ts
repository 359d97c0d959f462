/** Kinde list responses: `{ code, message, users: [...], next_token }`. */

function parse(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `next_token` of a JSON response body, when it has a non-empty one. */
export function nextTokenOf(body: string): string | null {
  if (!body.includes('next_token')) return null;
  const value = parse(body);
  const token = isObject(value) ? value.next_token : null;
  return typeof token === 'string' && token !== '' ? token : null;
}

/**
 * The property holding the page's items: the first top-level array of objects (`users`,
 * `organizations`, …), else the first array; never Kinde's `errors`.
 */
export function listKeyOf(value: unknown): string | null {
  if (!isObject(value)) return null;
  const arrays = Object.entries(value).filter(([key, v]) => key !== 'errors' && Array.isArray(v)) as [string, unknown[]][];
  const ofObjects = arrays.find(([, v]) => v.length > 0 && v.every(isObject));
  return (ofObjects ?? arrays[0])?.[0] ?? null;
}

export interface Page {
  key: string | null;
  items: unknown[];
  nextToken: string | null;
}

/** One response body read as a page of a list. */
export function readPage(body: string): Page {
  const value = parse(body);
  const key = listKeyOf(value);
  const items = key && isObject(value) ? (value[key] as unknown[]) : [];
  return { key, items, nextToken: nextTokenOf(body) };
}

/** The merged list as one JSON document, shaped like a single page without `next_token`. */
export function mergedDocument(key: string | null, items: readonly unknown[]): string {
  return JSON.stringify({ [key ?? 'items']: items }, null, 2);
}
