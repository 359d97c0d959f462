import type { OpenApiDoc } from './load-spec.ts';

type Schema = Record<string, unknown>;

const MAX_DEPTH = 10;

function resolveRef(doc: OpenApiDoc, ref: string): Schema | undefined {
  let target: unknown = doc;
  for (const key of ref.replace(/^#\//, '').split('/')) {
    target = target && typeof target === 'object' ? (target as Schema)[key.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  }
  return target as Schema | undefined;
}

/** A plausible string for a property, guessed from its format and name. */
function stringFor(schema: Schema, name: string): string {
  switch (schema.format) {
    case 'date-time':
      return '2024-01-01T00:00:00.000000+00:00';
    case 'date':
      return '2024-01-01';
    case 'uuid':
      return '3f2a4c1e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';
    case 'email':
      return 'ada.lovelace@example.com';
    case 'uri':
    case 'url':
      return 'https://example.com';
    case 'binary':
      return '';
  }
  const n = name.toLowerCase();
  if (n.includes('email')) return 'ada.lovelace@example.com';
  if (n.endsWith('url') || n.endsWith('uri') || n === 'picture' || n === 'logo') return 'https://example.com';
  if (n.endsWith('_on') || n.endsWith('_at') || n.includes('date')) return '2024-01-01T00:00:00.000000+00:00';
  if (n === 'code') return 'OK';
  if (n === 'message') return 'Success';
  if (n === 'id' || n.endsWith('_id')) return `${n === 'id' ? 'id' : n.replace(/_id$/, '')}_0123456789abcdef0123456789abcdef`;
  if (n === 'name') return 'Example';
  return name ? `example_${n}` : 'example';
}

function generate(doc: OpenApiDoc, schema: unknown, name: string, depth: number, refs: string[]): unknown {
  if (!schema || typeof schema !== 'object') return null;
  const s = schema as Schema;
  if (typeof s.$ref === 'string') {
    // A cycle or an over-deep tree ends in null rather than recursing forever.
    if (refs.includes(s.$ref) || depth > MAX_DEPTH) return null;
    return generate(doc, resolveRef(doc, s.$ref), name, depth + 1, [...refs, s.$ref]);
  }
  if (s.example !== undefined) return structuredClone(s.example);
  if (s.default !== undefined) return structuredClone(s.default);
  if (Array.isArray(s.enum) && s.enum.length) return s.enum[0];
  if (Array.isArray(s.allOf)) {
    const parts = s.allOf.map((p) => generate(doc, p, name, depth + 1, refs));
    if (parts.every((p) => p && typeof p === 'object' && !Array.isArray(p))) return Object.assign({}, ...parts);
    return parts.find((p) => p !== null) ?? null;
  }
  const alternatives = (s.oneOf ?? s.anyOf) as unknown[] | undefined;
  if (Array.isArray(alternatives) && alternatives.length) return generate(doc, alternatives[0], name, depth + 1, refs);
  if (depth > MAX_DEPTH) return null;
  const type = s.type ?? (s.properties ? 'object' : s.items ? 'array' : undefined);
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries((s.properties ?? {}) as Schema)) {
        // Generated lists are a single page: a next_token or has_more would send clients paging forever.
        if (key === 'next_token') continue;
        out[key] = key === 'has_more' ? false : generate(doc, prop, key, depth + 1, refs);
      }
      if (!s.properties && s.additionalProperties && typeof s.additionalProperties === 'object') {
        out[`${name || 'example'}_key`] = generate(doc, s.additionalProperties, 'value', depth + 1, refs);
      }
      return out;
    }
    case 'array':
      return s.items ? [generate(doc, s.items, name.replace(/s$/, ''), depth + 1, refs)] : [];
    case 'string':
      return stringFor(s, name);
    case 'integer':
      return 1;
    case 'number':
      return 1.5;
    case 'boolean':
      return true;
    default:
      return s.nullable ? null : {};
  }
}

/** A deterministic example value for a schema: its examples where given, typed values otherwise. */
export function exampleFromSchema(doc: OpenApiDoc, schema: unknown): unknown {
  return generate(doc, schema, '', 0, []);
}
