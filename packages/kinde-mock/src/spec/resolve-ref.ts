import type { OpenApiDoc } from './load-spec.ts';

type Json = Record<string, unknown>;

/** Follows `$ref` pointers (local `#/...` only) until a concrete object is reached. */
export function deref<T = Json>(doc: OpenApiDoc, value: unknown, depth = 0): T | undefined {
  if (!value || typeof value !== 'object') return value as T | undefined;
  const ref = (value as Json).$ref;
  if (typeof ref !== 'string') return value as T;
  if (depth > 20 || !ref.startsWith('#/')) return undefined;
  let target: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    target = target && typeof target === 'object' ? (target as Json)[key] : undefined;
  }
  return deref<T>(doc, target, depth + 1);
}
