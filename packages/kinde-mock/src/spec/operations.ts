import type { OpenApiDoc } from './load-spec.ts';
import { deref } from './resolve-ref.ts';

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;

/** What the sandbox needs to know about one operation of the spec. */
export interface SpecOperation {
  operationId: string;
  method: string; // upper case
  path: string; // template, e.g. /api/v1/users/{user_id}
  scope: string | null;
  /** Whether the operation declares bearer security (all of Kinde's do). */
  secured: boolean;
  successStatus: number;
  /** The raw operation object (refs unresolved). */
  raw: Record<string, unknown>;
  regex: RegExp;
  paramNames: string[];
  literalSegments: number;
}

/** Scopes some operations only name in their description, as `<code>read:users</code>`. */
const SCOPE_IN_TEXT = /<code>\s*([a-z_]+:[a-z_]+)\s*<\/code>/i;

function requiredScope(op: Record<string, unknown>): string | null {
  const x = op['x-scope'];
  if (typeof x === 'string' && x) return x;
  if (Array.isArray(x) && typeof x[0] === 'string') return x[0];
  const text = `${op.description ?? ''} ${op.summary ?? ''}`;
  return SCOPE_IN_TEXT.exec(text)?.[1] ?? null;
}

function successStatus(doc: OpenApiDoc, op: Record<string, unknown>): number {
  const responses = deref<Record<string, unknown>>(doc, op.responses) ?? {};
  const codes = Object.keys(responses)
    .filter((k) => /^2\d\d$/.test(k))
    .map(Number)
    .sort((a, b) => a - b);
  return codes[0] ?? 200;
}

function compile(path: string): { regex: RegExp; paramNames: string[]; literalSegments: number } {
  const paramNames: string[] = [];
  let literalSegments = 0;
  const parts = path.split('/').map((seg) => {
    const m = /^\{(.+)\}$/.exec(seg);
    if (m) {
      paramNames.push(m[1]!);
      return '([^/]+)';
    }
    if (seg) literalSegments++;
    return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  });
  return { regex: new RegExp(`^${parts.join('/')}/?$`), paramNames, literalSegments };
}

const cache = new WeakMap<object, SpecOperation[]>();

/** Lists every operation of the spec, most specific path first (literal segments beat params). */
export function listOperations(doc: OpenApiDoc): SpecOperation[] {
  const hit = cache.get(doc);
  if (hit) return hit;
  const ops: SpecOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method] as Record<string, unknown> | undefined;
      if (!op) continue;
      const security = (op.security ?? doc.security) as unknown[] | undefined;
      ops.push({
        operationId: String(op.operationId ?? `${method} ${path}`),
        method: method.toUpperCase(),
        path,
        scope: requiredScope(op),
        secured: !Array.isArray(security) || security.some((s) => s && Object.keys(s).length > 0),
        successStatus: successStatus(doc, op),
        raw: op,
        ...compile(path),
      });
    }
  }
  ops.sort((a, b) => b.literalSegments - a.literalSegments);
  cache.set(doc, ops);
  return ops;
}

/** Every scope the spec names, sorted; the default grant of sandbox tokens. */
export function allScopes(doc: OpenApiDoc): string[] {
  return [...new Set(listOperations(doc).flatMap((o) => (o.scope ? [o.scope] : [])))].sort();
}

export interface OperationMatch {
  operation: SpecOperation;
  params: Record<string, string>;
}

/** Finds the operation for a method and concrete path; `pathMatched` tells 404 from 405. */
export function matchOperation(
  doc: OpenApiDoc,
  method: string,
  path: string,
): { match: OperationMatch | null; pathMatched: boolean } {
  let pathMatched = false;
  for (const operation of listOperations(doc)) {
    const m = operation.regex.exec(path);
    if (!m) continue;
    pathMatched = true;
    if (operation.method !== method.toUpperCase()) continue;
    const params: Record<string, string> = {};
    operation.paramNames.forEach((name, i) => {
      params[name] = decodeURIComponent(m[i + 1]!);
    });
    return { match: { operation, params }, pathMatched };
  }
  return { match: null, pathMatched };
}
