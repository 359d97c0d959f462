import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Reads a fixture file beside this helper (tests only). */
export function fixtureText(relativePath: string): string {
  return readFileSync(join(import.meta.dirname, relativePath), 'utf8');
}

export function fixtureJson(relativePath: string): unknown {
  return JSON.parse(fixtureText(relativePath));
}
