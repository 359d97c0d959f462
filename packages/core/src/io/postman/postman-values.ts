/** Small readers for Postman JSON, which its own exporters fill loosely (strings, objects, null). */

export type JsonRecord = Record<string, unknown>;

export function isRecord(v: unknown): v is JsonRecord {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A scalar as text; objects and null become ''. */
export function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

/** Postman descriptions are a string or `{ content, type }`. */
export function descriptionText(v: unknown): string | undefined {
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (isRecord(v) && typeof v.content === 'string' && v.content !== '') return v.content;
  return undefined;
}

export function records(v: unknown): JsonRecord[] {
  return Array.isArray(v) ? v.filter(isRecord) : [];
}

/**
 * Auth attributes as a map: v2.1 writes `[{ key, value, type }]`, v2.0 writes `{ key: value }`.
 */
export function authAttributes(auth: JsonRecord, type: string): JsonRecord {
  const raw = auth[type];
  if (Array.isArray(raw)) {
    const out: JsonRecord = {};
    for (const attr of records(raw)) if (typeof attr.key === 'string') out[attr.key] = attr.value;
    return out;
  }
  return isRecord(raw) ? raw : {};
}

/** True when a value is only a `{{variable}}` reference, i.e. holds no secret itself. */
export function isVariableReference(v: string): boolean {
  return /^\{\{\s*[^{}]+\s*\}\}$/.test(v.trim());
}
