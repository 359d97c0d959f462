import yaml from 'js-yaml';
import { err, ok, type Result } from '../result.ts';
import { PATH_ITEM_METHODS, type OpenApiDoc } from './types.ts';

/**
 * Parses an OpenAPI 3.x document given as YAML or JSON text and checks its outline
 * (`openapi: 3.x`, `info`, non-empty `paths`). Every problem found is listed, so one answer tells
 * the user everything that needs fixing.
 */
export function parseSpec(text: string): Result<OpenApiDoc> {
  if (text.trim() === '') return err('the document is empty');
  const parsed = parseText(text);
  if (!parsed.ok) return parsed;
  return checkOutline(parsed.value);
}

function parseText(text: string): Result<unknown> {
  // JSON.parse is several times faster than the YAML parser on big JSON specs; YAML (a superset
  // of JSON) is the fallback and gives line numbers when the text is broken.
  if (/^\s*\{/.test(text)) {
    try {
      return ok(JSON.parse(text));
    } catch {
      // fall through to YAML for a message with a line number
    }
  }
  try {
    // CORE_SCHEMA: no YAML timestamps, so `example: 2024-01-01` stays the string the author wrote.
    return ok(yaml.load(text, { schema: yaml.CORE_SCHEMA }));
  } catch (e) {
    if (e instanceof yaml.YAMLException) {
      const where = e.mark ? ` at line ${e.mark.line + 1}, column ${e.mark.column + 1}` : '';
      return err(`not valid YAML or JSON: ${e.reason}${where}`);
    }
    return err(`could not read the document: ${(e as Error).message}`);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'string' ? `the text "${v.length > 40 ? `${v.slice(0, 40)}…` : v}"` : `a ${typeof v}`;
}

function checkOutline(doc: unknown): Result<OpenApiDoc> {
  if (!isRecord(doc)) return err(`not an OpenAPI document: expected a mapping at the top level, got ${describe(doc)}`);

  const problems: string[] = [];
  if (doc.swagger !== undefined) {
    problems.push(`not OpenAPI 3: this is Swagger ${String(doc.swagger)} (\`swagger: ${String(doc.swagger)}\`); convert it to OpenAPI 3.x first`);
  } else if (doc.openapi === undefined) {
    problems.push('not OpenAPI 3: missing `openapi: 3.x` field');
  } else if (!/^3\.\d+(\.\d+)?/.test(String(doc.openapi))) {
    problems.push(`not OpenAPI 3: \`openapi\` is "${String(doc.openapi)}", expected 3.x`);
  }

  if (doc.info === undefined) problems.push('missing `info` object (with `title` and `version`)');
  else if (!isRecord(doc.info)) problems.push(`\`info\` must be an object, got ${describe(doc.info)}`);
  else if (typeof doc.info.title !== 'string') problems.push('`info.title` is missing');

  if (doc.paths === undefined) problems.push('missing `paths` object');
  else if (!isRecord(doc.paths)) problems.push(`\`paths\` must be an object, got ${describe(doc.paths)}`);
  else problems.push(...checkPaths(doc.paths));

  return problems.length > 0 ? err(problems) : ok(doc as OpenApiDoc);
}

function checkPaths(paths: Record<string, unknown>): string[] {
  const keys = Object.keys(paths);
  if (keys.length === 0) return ['paths is empty: the document describes no operations'];
  const problems: string[] = [];
  let operations = 0;
  for (const key of keys) {
    if (!key.startsWith('/')) problems.push(`path "${key}" must start with "/"`);
    const item = paths[key];
    if (!isRecord(item)) {
      problems.push(`path "${key}" must be an object, got ${describe(item)}`);
      continue;
    }
    for (const method of PATH_ITEM_METHODS) {
      if (item[method] === undefined) continue;
      if (isRecord(item[method])) operations++;
      else problems.push(`${method.toUpperCase()} ${key} must be an object, got ${describe(item[method])}`);
    }
    if (item.$ref !== undefined) operations++; // a shared path item counts; it is resolved later
  }
  if (problems.length === 0 && operations === 0) problems.push('paths is empty: no path has an operation (get, post, …)');
  return problems;
}
