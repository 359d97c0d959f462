import { ok, type Result } from '../result.ts';
import { parseSpec } from './parse-spec.ts';
import type { OpenApiDoc } from './types.ts';

export type DereferenceReport = {
  doc: OpenApiDoc;
  /** Refs left in place because following them would loop (e.g. a tree schema). */
  cyclic: string[];
  /** Refs that point outside the document or at nothing; left in place. */
  unresolved: string[];
};

/**
 * Resolves every local `$ref` (`#/components/...`) into a new document; the input is not changed.
 * A target reached from several places is one shared object (a DAG, still JSON-serialisable).
 * A ref that would recurse into itself is kept as a `{ $ref }` object, so the result never contains
 * a JavaScript cycle and `JSON.stringify` works on any part of it.
 */
export function dereference(doc: OpenApiDoc): OpenApiDoc {
  return dereferenceWithReport(doc).doc;
}

/** Like `dereference`, and also lists the cyclic and unresolvable refs it left in place. */
export function dereferenceWithReport(doc: OpenApiDoc): DereferenceReport {
  const done = new Map<object, unknown>();
  // Objects whose copy is under construction: a ref to one of them is a cycle.
  const building = new Map<object, unknown>();
  const refsInProgress = new Set<string>();
  const cyclic = new Set<string>();
  const unresolved = new Set<string>();

  const walk = (node: unknown): unknown => {
    if (typeof node !== 'object' || node === null) return node;
    const finished = done.get(node);
    if (finished !== undefined) return finished;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string') return resolveRef(node as Record<string, unknown>, ref);
    const partial = building.get(node);
    if (partial !== undefined) return partial; // a real object cycle in the input (YAML aliases)

    if (Array.isArray(node)) {
      const out: unknown[] = [];
      building.set(node, out);
      for (const item of node) out.push(walk(item));
      building.delete(node);
      done.set(node, out);
      return out;
    }
    const out: Record<string, unknown> = {};
    building.set(node, out);
    for (const [key, value] of Object.entries(node)) out[key] = walk(value);
    building.delete(node);
    done.set(node, out);
    return out;
  };

  const resolveRef = (refNode: Record<string, unknown>, ref: string): unknown => {
    const target = ref.startsWith('#') ? resolvePointer(doc, ref) : undefined;
    if (target === undefined) {
      unresolved.add(ref);
      return { ...refNode };
    }
    if (refsInProgress.has(ref) || (typeof target === 'object' && target !== null && building.has(target))) {
      cyclic.add(ref);
      return { $ref: ref };
    }
    refsInProgress.add(ref);
    const resolved = walk(target);
    refsInProgress.delete(ref);
    // OpenAPI 3.1 lets `description`/`summary` sit beside a $ref and override the target's.
    const siblings = Object.keys(refNode).filter((k) => k !== '$ref');
    if (siblings.length === 0 || typeof resolved !== 'object' || resolved === null || Array.isArray(resolved)) return resolved;
    const merged: Record<string, unknown> = { ...(resolved as Record<string, unknown>) };
    for (const key of siblings) merged[key] = walk(refNode[key]);
    return merged;
  };

  const result = walk(doc) as OpenApiDoc;
  return { doc: result, cyclic: [...cyclic], unresolved: [...unresolved] };
}

/** Follows a local JSON pointer such as `#/components/schemas/user` (RFC 6901 escapes included). */
export function resolvePointer(doc: unknown, ref: string): unknown {
  if (ref === '#' || ref === '#/') return doc;
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    let key: string;
    try {
      key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    } catch {
      return undefined;
    }
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Parses and dereferences in one step; refs that cannot be resolved come back as warnings. */
export function loadSpec(text: string): Result<{ doc: OpenApiDoc; warnings: string[] }> {
  const parsed = parseSpec(text);
  if (!parsed.ok) return parsed;
  const { doc, unresolved } = dereferenceWithReport(parsed.value);
  // Not fatal: one broken ref should not hide the other operations of the API.
  return ok({ doc, warnings: unresolved.map((r) => `cannot resolve $ref "${r}"; left as is`) });
}
