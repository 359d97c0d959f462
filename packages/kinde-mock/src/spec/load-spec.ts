import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import yaml from 'js-yaml';

/** A parsed OpenAPI document; only the parts the sandbox reads are typed. */
export interface OpenApiDoc {
  paths?: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

// Parsing the 468 KB spec costs ~100 ms: do it once per process per source.
const cache = new Map<string, OpenApiDoc>();

function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

function parse(text: string, source: string): OpenApiDoc {
  const doc = yaml.load(text);
  if (!doc || typeof doc !== 'object' || !('paths' in doc)) {
    throw new Error(`Not an OpenAPI document (no "paths"): ${source}`);
  }
  return doc as OpenApiDoc;
}

/** Loads a spec from a file path or takes an already parsed document; URLs need `loadSpec`. */
export function loadSpecSync(source: string | object): OpenApiDoc {
  if (typeof source !== 'string') return source as OpenApiDoc;
  if (isUrl(source)) {
    throw new Error(`Spec ${source} is a URL: use startSandbox() or loadSpec(), which can fetch it`);
  }
  const key = resolve(source);
  let doc = cache.get(key);
  if (!doc) {
    doc = parse(readFileSync(key, 'utf8'), key);
    cache.set(key, doc);
  }
  return doc;
}

/** Loads a spec from a path, an http(s) URL, or takes a parsed document. */
export async function loadSpec(source: string | object): Promise<OpenApiDoc> {
  if (typeof source !== 'string' || !isUrl(source)) return loadSpecSync(source);
  let doc = cache.get(source);
  if (!doc) {
    const res = await fetch(source);
    if (!res.ok) throw new Error(`Could not fetch spec ${source}: HTTP ${res.status}`);
    doc = parse(await res.text(), source);
    cache.set(source, doc);
  }
  return doc;
}
