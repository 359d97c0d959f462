import yaml from 'js-yaml';
import { err, ok, type Result } from '../result.ts';
import type { ImportResult } from './import-result.ts';
import { parseCurl } from './curl/parse-curl.ts';
import { importOpenApi } from './openapi-import.ts';
import { importPostmanCollection } from './postman/import-collection.ts';
import { importPostmanEnvironment } from './postman/import-environment.ts';
import { isRecord } from './postman/postman-values.ts';

export const IMPORT_FORMATS = ['postman-collection', 'postman-environment', 'openapi', 'curl'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Tells what a pasted or uploaded document is, or null when it is none of the formats we read. */
export function detectFormat(text: string): ImportFormat | null {
  const trimmed = text.trim();
  if (/^(\$\s+)?curl(\.exe)?\s/i.test(trimmed) || /^curl$/i.test(trimmed)) return 'curl';
  const doc = parseStructured(trimmed);
  if (!isRecord(doc)) return null;
  if (isRecord(doc.info) && typeof doc.info.schema === 'string' && doc.info.schema.includes('collection/v2')) return 'postman-collection';
  if (isRecord(doc.info) && Array.isArray(doc.item)) return 'postman-collection';
  if (Array.isArray(doc.values) && (doc._postman_variable_scope === 'environment' || typeof doc.name === 'string')) return 'postman-environment';
  if ((typeof doc.openapi === 'string' || typeof doc.openapi === 'number') && String(doc.openapi).startsWith('3')) return 'openapi';
  return null;
}

const UNKNOWN =
  'could not tell what this document is: expected a Postman collection or environment (v2.1 JSON), an OpenAPI 3 document (YAML or JSON) or a cURL command';

/** Imports a document, detecting its format unless one is given. */
export function importDocument(text: string, format?: ImportFormat): Result<ImportResult> {
  if (text.trim() === '') return err('the document is empty');
  const chosen = format ?? detectFormat(text);
  if (chosen === null) {
    const doc = parseStructured(text.trim());
    if (isRecord(doc) && Array.isArray(doc.requests)) return err('this is a Postman Collection v1: export it from Postman as Collection v2.1 and import that');
    if (isRecord(doc) && doc.swagger !== undefined) return err(`this is Swagger ${String(doc.swagger)}: convert it to OpenAPI 3 first`);
    return err(UNKNOWN);
  }
  switch (chosen) {
    case 'curl': {
      const r = parseCurl(text);
      return r.ok ? ok({ kind: 'request', request: r.value.request, report: r.value.report }) : r;
    }
    case 'openapi': {
      const r = importOpenApi(text);
      return r.ok ? ok({ kind: 'collection', collections: [r.value.collection], report: r.value.report }) : r;
    }
    case 'postman-collection':
    case 'postman-environment': {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (e) {
        return err(`not valid JSON: ${(e as Error).message}`);
      }
      if (chosen === 'postman-environment') {
        const r = importPostmanEnvironment(json);
        return r.ok ? ok({ kind: 'environment', environment: r.value.environment, report: r.value.report }) : r;
      }
      const r = importPostmanCollection(json);
      return r.ok ? ok({ kind: 'collection', collections: [r.value.collection], report: r.value.report }) : r;
    }
  }
}

function parseStructured(text: string): unknown {
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      return JSON.parse(text);
    } catch {
      // fall through: YAML is a superset of JSON and may still read it
    }
  }
  try {
    return yaml.load(text, { schema: yaml.CORE_SCHEMA });
  } catch {
    return undefined;
  }
}
