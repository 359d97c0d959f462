/*
 * Monaco's JSON language validates against JSON Schema (draft 7-ish). OpenAPI 3.0 schemas are
 * close but not equal: `nullable` becomes a `null` type, the OpenAPI-only keywords go, `example`
 * becomes `examples` (offered as completions), and a `{ $ref }` left where the spec recurses
 * becomes "anything" — it points into a document Monaco does not have.
 */

type Json = Record<string, unknown>;

const OPENAPI_ONLY = new Set(['nullable', 'example', 'discriminator', 'xml', 'externalDocs', 'readOnly', 'writeOnly', 'deprecated']);
const MAX_DEPTH = 12;

/** An OpenAPI 3 request-body schema as a JSON Schema for the editor; property descriptions become hover docs. */
export function toJsonSchema(schema: unknown, depth = 0): Json {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema) || depth > MAX_DEPTH) return {};
  const s = schema as Json;
  if (typeof s.$ref === 'string') return {};
  const out: Json = {};
  for (const [key, value] of Object.entries(s)) {
    if (OPENAPI_ONLY.has(key) || key.startsWith('x-')) continue;
    switch (key) {
      case 'properties':
        out.properties = Object.fromEntries(Object.entries(value as Json).map(([name, prop]) => [name, toJsonSchema(prop, depth + 1)]));
        break;
      case 'items':
      case 'not':
        out[key] = toJsonSchema(value, depth + 1);
        break;
      case 'additionalProperties':
        out[key] = typeof value === 'boolean' ? value : toJsonSchema(value, depth + 1);
        break;
      case 'allOf':
      case 'oneOf':
      case 'anyOf':
        out[key] = (value as unknown[]).map((part) => toJsonSchema(part, depth + 1));
        break;
      default:
        out[key] = value;
    }
  }
  if (s.example !== undefined && out.examples === undefined) out.examples = [s.example];
  if (s.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  }
  // Deprecated fields still validate, but say so where the user sees them.
  if (s.deprecated === true) out.deprecationMessage = `${String(s.description ?? '')} (deprecated)`.trim();
  if (typeof out.description === 'string') out.markdownDescription = out.description;
  return out;
}
