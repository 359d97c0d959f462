import type { OperationSummary } from './catalog-schema.ts';

/*
 * How a request is named in tabs, history and the save dialog: by its catalog operation
 * ("Create organization") with the path as a second line, and with the host when the request goes
 * somewhere other than the environment's Kinde domain (two "GET /users" tabs are told apart).
 */

const LEADING_VARIABLE = /^\{\{\s*([^{}]+?)\s*\}\}/;
const ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;

/** The path of a URL as written: `{{business_domain}}` or the origin removed, no query or fragment. */
export function pathOfUrl(url: string): string {
  const rest = url.trim().replace(LEADING_VARIABLE, '').replace(ORIGIN, '');
  return rest.split(/[?#]/)[0] ?? '';
}

/** The path as shown: Kinde's `/api/v1` prefix left out (`/organization`), the URL itself when it has no path. */
export function displayPath(url: string): string {
  const path = pathOfUrl(url);
  return path.replace(/^\/api\/v1(?=\/)/, '') || path || url.trim();
}

/** The host of an environment's business_domain, which the server stores as an origin (`https://acme.kinde.com`). */
export function kindeHostOf(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * The host a request goes to when it is not the environment's Kinde domain, else null: a URL that
 * starts with `{{business_domain}}` or names that domain's host needs no mention.
 */
export function foreignHost(url: string, kindeHost: string | null): string | null {
  const trimmed = url.trim();
  const variable = LEADING_VARIABLE.exec(trimmed);
  if (variable) return variable[1] === 'business_domain' ? null : `{{${variable[1]}}}`;
  const origin = ORIGIN.exec(trimmed)?.[0];
  if (!origin) return null;
  const host = origin.replace(/^[^:]+:\/\//, '').toLowerCase();
  return host === kindeHost ? null : host;
}

// Compiled once per operations list: `{param}` stands for one path segment.
const compiled = new WeakMap<readonly OperationSummary[], { op: OperationSummary; pattern: RegExp; params: number }[]>();

function patterns(operations: readonly OperationSummary[]) {
  let list = compiled.get(operations);
  if (!list) {
    list = operations.map((op) => {
      const source = op.path.split(/\{[^{}/]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+');
      return { op, pattern: new RegExp(`^${source}/?$`), params: (op.path.match(/\{[^{}/]+\}/g) ?? []).length };
    });
    // Literal paths before templated ones: `/users/me` is not `/users/{id}`.
    list.sort((a, b) => a.params - b.params);
    compiled.set(operations, list);
  }
  return list;
}

/** The catalog operation a request calls, by method and path (path parameters filled or not). */
export function matchOperation(operations: readonly OperationSummary[], method: string, url: string): OperationSummary | undefined {
  const path = pathOfUrl(url);
  if (!path) return undefined;
  return patterns(operations).find((p) => p.op.method === method && (p.op.path === path || p.pattern.test(path)))?.op;
}

/** A request's name and second line. */
export interface RequestLabel {
  /** The operation's name ("Create organization"), else the path. */
  title: string;
  /** The path as shown (`/organization`). */
  path: string;
  /** Where it goes when that is not the environment's Kinde domain. */
  host: string | null;
}

/**
 * Names a request: by the operation it was opened from (while its method and path still call it),
 * or with `byUrl` by whichever operation its method and path match (history has no operation id).
 */
export function requestLabel(
  request: { method: string; url: string; operationId?: string },
  operations: readonly OperationSummary[],
  kindeHost: string | null,
  byUrl = false,
): RequestLabel {
  const path = displayPath(request.url);
  const matched = operations.length > 0 ? matchOperation(operations, request.method, request.url) : undefined;
  const operation = byUrl ? matched : request.operationId && matched?.operationId === request.operationId ? matched : undefined;
  return { title: operation?.summary ?? path, path, host: foreignHost(request.url, kindeHost) };
}
