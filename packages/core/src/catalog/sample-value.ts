import type { SchemaObject } from '../openapi/types.ts';

/** The parts of a schema (or a catalog parameter's schema) a sample is chosen from. */
type SampleSource = Pick<SchemaObject, 'format' | 'example' | 'examples' | 'default' | 'enum'>;

/*
 * What a prefilled field holds when the spec gives no example: something readable that Kinde (and
 * the sandbox) accepts, chosen by the field's format, then its name. References to other records
 * (`…_id`, `…_code`) stay empty: no placeholder would name a record that exists, and an empty value
 * is what the docs panel and Kinde's error both point the user at.
 */

const BY_FORMAT: Record<string, string> = {
  email: 'user@example.com',
  uri: 'https://example.com',
  url: 'https://example.com',
  'date-time': '2024-01-01T00:00:00Z',
  date: '2024-01-01',
};

const REFERENCE = /(^|_)(id|ids|code|codes|ref|api_key|secret|password)$/;

const BY_NAME: [RegExp, string][] = [
  [REFERENCE, ''],
  [/email/, 'user@example.com'],
  [/(^|_)(url|uri|endpoint|audience|homepage)$/, 'https://example.com'],
  [/(^|_)(given|first)_name$/, 'Jane'],
  [/(^|_)(family|last)_name$/, 'Doe'],
  [/(^|_)name$/, 'Acme'],
  [/(^|_)key$/, 'acme'],
  [/(^|_)phone$/, '+61400000000'],
  [/(^|_)(handle|username)$/, 'acme'],
  // Feature-flag values are strings typed by the flag: "true" suits a boolean and a string flag alike.
  [/(^|_)value$/, 'true'],
];

/** A readable string for a field with no example, default or enum (empty for references). */
export function readableSample(key: string, schema: SampleSource): string {
  const byFormat = schema.format ? BY_FORMAT[schema.format] : undefined;
  if (byFormat !== undefined) return byFormat;
  for (const [pattern, sample] of BY_NAME) if (pattern.test(key)) return sample;
  return '';
}

/** The spec's own value for a field: its `example`, first `examples` entry, `default`, or first enum value. */
export function specValue(schema: SampleSource): unknown {
  if (schema.example !== undefined && schema.example !== null) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.default !== undefined && schema.default !== null) return schema.default;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  return undefined;
}

/**
 * The prefilled value of a required query or header parameter. Unlike a body field, an example id
 * is not used: `?code=org_1ccfb819462` would ask for a record that does not exist, while an empty
 * value is flagged in the form for the user to fill.
 */
export function parameterSample(name: string, schema: SampleSource): string {
  if (REFERENCE.test(name)) return schema.default !== undefined && schema.default !== null ? String(schema.default) : '';
  const given = specValue(schema);
  return given !== undefined ? String(given) : readableSample(name, schema);
}
