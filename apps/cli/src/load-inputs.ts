import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { importPostmanCollection, importPostmanEnvironment, ALWAYS_SECRET_KEYS, type CollectionDoc, type ImportedVariable } from '@kinde-explorer/core';
import { parseDataFile, type DataRow } from '@kinde-explorer/runner';
import { InputError } from './input-error.ts';

/** Paths are relative to where the command was typed (pnpm runs root scripts from the root). */
export function userPath(file: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

function readText(file: string, what: string): string {
  try {
    return readFileSync(userPath(file), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (err as Error).message;
    throw new InputError(`Cannot read the ${what} "${file}" (${why}).`);
  }
}

function readJson(file: string, what: string): unknown {
  const text = readText(file, what);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (err) {
    throw new InputError(`The ${what} "${file}" is not valid JSON (${(err as Error).message}).`);
  }
}

/** A Postman Collection v2.1 file (as Postman, newman or the explorer export it). */
export function loadCollection(file: string): CollectionDoc {
  const imported = importPostmanCollection(readJson(file, 'collection'));
  if (!imported.ok) throw new InputError(`"${file}" is ${imported.errors.join('; ')}. Export the collection from Postman or the explorer as Collection v2.1.`);
  return imported.value.collection;
}

/** A Postman environment file, then `--env-var key=value` overrides on top. */
export function loadEnvironment(file: string | undefined, envVars: readonly string[]): { name: string; variables: ImportedVariable[] } {
  let name = 'CLI environment';
  let variables: ImportedVariable[] = [];
  if (file !== undefined) {
    const imported = importPostmanEnvironment(readJson(file, 'environment'));
    if (!imported.ok) throw new InputError(`"${file}" is ${imported.errors.join('; ')}. Pass a Postman environment export with -e.`);
    name = imported.value.environment.name;
    variables = imported.value.environment.variables;
  }
  for (const pair of envVars) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new InputError(`--env-var "${pair}" needs the form key=value.`);
    const key = pair.slice(0, at).trim();
    const value = pair.slice(at + 1);
    const existing = variables.find((v) => v.key === key);
    if (existing) {
      existing.value = value;
      existing.enabled = true;
    } else {
      variables.push({ key, value, secret: ALWAYS_SECRET_KEYS.has(key), enabled: true });
    }
  }
  return { name, variables };
}

export function loadData(file: string): DataRow[] {
  return parseDataFile(readText(file, 'iteration data file'), file);
}
