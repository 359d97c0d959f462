/** The formats the server's import reads (core's IMPORT_FORMATS; copied to keep zod out of the bundle). */
export const IMPORT_FORMATS = ['postman-collection', 'postman-environment', 'openapi', 'curl'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  'postman-collection': 'Postman collection (v2.1)',
  'postman-environment': 'Postman environment',
  openapi: 'OpenAPI 3',
  curl: 'cURL command',
};

/**
 * A quick guess to label the pasted text and offer the right options before importing. The
 * server detects again (with core's full rules, YAML included) and its answer is what counts.
 */
export function guessFormat(text: string): ImportFormat | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (/^(\$\s+)?curl(\.exe)?\s/i.test(trimmed)) return 'curl';
  if (/^openapi\s*:\s*['"]?3/m.test(trimmed)) return 'openapi';
  if (!trimmed.startsWith('{')) return null;
  let doc: unknown;
  try {
    doc = JSON.parse(trimmed);
  } catch {
    return null;
  }
  if (typeof doc !== 'object' || doc === null) return null;
  const d = doc as Record<string, unknown>;
  const info = d.info as Record<string, unknown> | undefined;
  if (info && typeof info === 'object' && (Array.isArray(d.item) || String(info.schema ?? '').includes('collection/v2'))) return 'postman-collection';
  if (Array.isArray(d.values)) return 'postman-environment';
  if (typeof d.openapi === 'string' && d.openapi.startsWith('3')) return 'openapi';
  return null;
}
