import { readFileSync } from 'node:fs';
import { loadSpec } from '../openapi/dereference.ts';
import type { OpenApiDoc } from '../openapi/types.ts';

let cached: OpenApiDoc | undefined;

/** The real Kinde spec, parsed and dereferenced once per test file. */
export function kindeSpec(): OpenApiDoc {
  if (cached) return cached;
  const result = loadSpec(readFileSync(process.env.KINDE_SPEC!, 'utf8'));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  cached = result.value.doc;
  return cached;
}
