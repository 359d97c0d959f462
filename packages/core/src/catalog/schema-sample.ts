import type { SchemaObject } from '../openapi/types.ts';
import { readableSample, specValue } from './sample-value.ts';

const MAX_DEPTH = 8;

export type SkeletonOptions = {
  /**
   * What an object with no required properties shows: `all` lists its properties (so a body like
   * Kinde's createUser, where nothing is required, is not an unhelpful `{}`); `none` gives `{}`,
   * which suits PATCH bodies where every field sent overwrites data.
   */
  whenNoneRequired?: 'all' | 'none';
};

/**
 * A starting body for a request that can be sent as it opens: required fields (nested objects
 * recursed, optional fields left out) hold the spec's example, default or first enum value, else a
 * readable sample for their name or format ("Acme", "user@example.com"), else a typed empty value.
 * Pretty-printed JSON.
 */
export function schemaSkeleton(schema: SchemaObject | undefined, options: SkeletonOptions = {}): string {
  return JSON.stringify(schemaSkeletonValue(schema, options) ?? {}, null, 2);
}

/** `schemaSkeleton` as a value rather than text; `key` is the property's name, for its sample. */
export function schemaSkeletonValue(schema: SchemaObject | undefined, options: SkeletonOptions = {}, depth = 0, key = ''): unknown {
  const s = flatten(schema);
  if (!s || depth > MAX_DEPTH || s.$ref) return undefined;
  const type = typeOf(s);
  const given = specValue(s);
  if (given !== undefined && fitsType(given, type)) return given;
  switch (type) {
    case 'object': {
      const properties = s.properties ?? {};
      const required = (s.required ?? []).filter((k) => k in properties);
      const keys = required.length > 0 || options.whenNoneRequired === 'none' ? required : Object.keys(properties);
      const out: Record<string, unknown> = {};
      for (const name of keys) {
        const value = schemaSkeletonValue(properties[name], options, depth + 1, name);
        out[name] = value === undefined ? null : value;
      }
      return out;
    }
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return typeof s.minimum === 'number' ? s.minimum : 0;
    case 'boolean':
      return false;
    case 'string':
      return readableSample(key, s);
    default:
      return null;
  }
}

function fitsType(value: unknown, type: string | undefined): boolean {
  switch (type) {
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    default:
      return true;
  }
}

/**
 * A realistic sample of a response: every property, using the spec's `example`/`default`/enum
 * values where given and format-aware placeholders otherwise.
 */
export function schemaExample(schema: SchemaObject | undefined, depth = 0): unknown {
  const s = flatten(schema);
  if (!s || depth > MAX_DEPTH || s.$ref) return null;
  if (s.example !== undefined) return s.example;
  if (Array.isArray(s.examples) && s.examples.length > 0) return s.examples[0];
  if (s.default !== undefined) return s.default;
  if (s.enum && s.enum.length > 0) return s.enum[0];
  switch (typeOf(s)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries(s.properties ?? {})) out[key] = schemaExample(prop, depth + 1);
      return out;
    }
    case 'array':
      return s.items ? [schemaExample(s.items, depth + 1)] : [];
    case 'integer':
    case 'number':
      return 0;
    case 'boolean':
      return true;
    case 'string':
      return stringFor(s.format);
    default:
      return null;
  }
}

function stringFor(format: string | undefined): string {
  switch (format) {
    case 'date-time':
      return '2024-01-01T00:00:00Z';
    case 'date':
      return '2024-01-01';
    case 'email':
      return 'user@example.com';
    case 'uuid':
      return '00000000-0000-4000-8000-000000000000';
    case 'uri':
    case 'url':
      return 'https://example.com';
    case 'binary':
      return '';
    default:
      return 'string';
  }
}

function typeOf(s: SchemaObject): string | undefined {
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (type) return type;
  if (s.properties) return 'object';
  if (s.items) return 'array';
  return undefined;
}

/** Merges `allOf` parts and takes the first `oneOf`/`anyOf` choice, so callers see one schema. */
function flatten(schema: SchemaObject | undefined): SchemaObject | undefined {
  if (!schema || typeof schema !== 'object') return undefined;
  let s = schema;
  if (s.allOf && s.allOf.length > 0) {
    const merged: SchemaObject = { ...s, allOf: undefined, properties: { ...s.properties }, required: [...(s.required ?? [])] };
    for (const part of s.allOf) {
      const p = flatten(part);
      if (!p) continue;
      Object.assign(merged.properties!, p.properties);
      merged.required!.push(...(p.required ?? []));
      merged.type ??= p.type;
      if (merged.example === undefined && p.example !== undefined) merged.example = p.example;
    }
    s = merged;
  }
  const choice = s.oneOf?.[0] ?? s.anyOf?.[0];
  if (choice && !s.properties) {
    const own = { ...(s.description ? { description: s.description } : {}), ...(s.example !== undefined ? { example: s.example } : {}) };
    return flatten({ ...choice, ...own });
  }
  return s;
}
