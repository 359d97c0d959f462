import { readFileSync } from 'node:fs';
import { importPostmanCollection, importPostmanEnvironment, type CollectionDoc } from '@kinde-explorer/core';

export const FIXTURE_COLLECTION = new URL('../__fixtures__/org-chain.postman_collection.json', import.meta.url);
export const FIXTURE_ENVIRONMENT = new URL('../__fixtures__/kinde-sandbox.postman_environment.json', import.meta.url);

/** The organization-chain fixture as the importer reads it. */
export function loadFixtureCollection(): CollectionDoc {
  const imported = importPostmanCollection(JSON.parse(readFileSync(FIXTURE_COLLECTION, 'utf8')) as unknown);
  if (!imported.ok) throw new Error(imported.errors.join('; '));
  return imported.value.collection;
}

export function loadFixtureEnvironment() {
  const imported = importPostmanEnvironment(JSON.parse(readFileSync(FIXTURE_ENVIRONMENT, 'utf8')) as unknown);
  if (!imported.ok) throw new Error(imported.errors.join('; '));
  return imported.value.environment;
}
