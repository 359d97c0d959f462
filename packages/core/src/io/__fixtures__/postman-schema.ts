import { Ajv, type ValidateFunction } from 'ajv';
import { fixtureJson } from './load-fixture.ts';

let compiled: ValidateFunction | undefined;

/** Postman's v2.1 collection schema, compiled once (tests only; see postman/README.md for its source). */
export function postmanValidator(): ValidateFunction {
  if (compiled) return compiled;
  const schema = fixtureJson('postman/collection-v2.1.0.schema.json') as Record<string, unknown>;
  delete schema.$async; // the bundled copy is marked async; validate synchronously
  compiled = new Ajv({ strict: false, allErrors: true }).compile(schema);
  return compiled;
}
