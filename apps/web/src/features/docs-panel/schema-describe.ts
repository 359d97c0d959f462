/** The OpenAPI schema fields the docs read; the spec is dereferenced, recursion left as `{ $ref }`. */
export interface Schema {
  type?: string | string[];
  format?: string;
  description?: string;
  enum?: unknown[];
  default?: unknown;
  example?: unknown;
  nullable?: boolean;
  deprecated?: boolean;
  readOnly?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  additionalProperties?: boolean | Schema;
  $ref?: string;
  title?: string;
}

export interface SchemaField {
  name: string;
  schema: Schema;
  required: boolean;
}

function asSchema(value: unknown): Schema | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Schema) : null;
}

/** `allOf` parts merged into one object schema, so its fields list once. */
export function mergeAllOf(schema: Schema): Schema {
  if (!schema.allOf?.length) return schema;
  const merged: Schema = { ...schema, allOf: undefined, properties: { ...schema.properties }, required: [...(schema.required ?? [])] };
  for (const part of schema.allOf.map(mergeAllOf)) {
    Object.assign(merged.properties!, part.properties);
    merged.required!.push(...(part.required ?? []));
    merged.type ??= part.type;
    merged.description ??= part.description;
  }
  return merged;
}

function baseType(s: Schema): string | undefined {
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (type) return type;
  if (s.properties) return 'object';
  if (s.items) return 'array';
  return undefined;
}

/** A short reading of a schema's type: `string (email)`, `array of object`, `integer | null`, `one of 2`. */
export function typeLabel(value: unknown): string {
  const raw = asSchema(value);
  if (!raw) return 'any';
  if (raw.$ref) return `${raw.$ref.split('/').pop()} (recursive)`;
  const s = mergeAllOf(raw);
  const choices = s.oneOf ?? s.anyOf;
  if (choices?.length && !s.properties) return `${s.oneOf ? 'one' : 'any'} of ${choices.map(typeLabel).join(' | ')}`;
  const type = baseType(s);
  let label = type === 'array' ? `array of ${typeLabel(s.items)}` : (type ?? 'any');
  if (s.format && type !== 'array') label += ` (${s.format})`;
  const nullable = s.nullable === true || (Array.isArray(s.type) && s.type.includes('null'));
  if (nullable) label += ' | null';
  return label;
}

/** The named fields under a schema: its properties, or its array items' properties. */
export function schemaFields(value: unknown): SchemaField[] {
  const raw = asSchema(value);
  if (!raw || raw.$ref) return [];
  const s = mergeAllOf(raw);
  if (s.properties) {
    const required = new Set(s.required ?? []);
    return Object.entries(s.properties).map(([name, schema]) => ({ name, schema: schema ?? {}, required: required.has(name) }));
  }
  if (baseType(s) === 'array' && s.items) return schemaFields(s.items);
  const choice = s.oneOf?.[0] ?? s.anyOf?.[0];
  return choice ? schemaFields(choice) : [];
}

/** Enum values as short strings, e.g. for `"asc" | "desc"`. */
export function enumLabels(value: unknown): string[] {
  const s = asSchema(value);
  const values = s?.enum ?? (s?.items && asSchema(s.items)?.enum) ?? [];
  return values.map((v) => JSON.stringify(v));
}
