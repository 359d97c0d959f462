import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMPORT_FORMATS as CORE_FORMATS } from '@kinde-explorer/core';
import { guessFormat, IMPORT_FORMATS } from './guess-format.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../../../../packages/core/src/io/__fixtures__/postman', name), 'utf8');

describe('guessFormat', () => {
  it('labels the Kinde Postman collection and environment fixtures', () => {
    expect(guessFormat(fixture('kinde-collection.postman.json'))).toBe('postman-collection');
    expect(guessFormat(fixture('kinde-environment.postman.json'))).toBe('postman-environment');
  });

  it('labels OpenAPI (YAML or JSON) and cURL commands', () => {
    expect(guessFormat('openapi: 3.0.0\ninfo:\n  title: Kinde\n')).toBe('openapi');
    expect(guessFormat('{"openapi":"3.1.0","info":{"title":"x"}}')).toBe('openapi');
    expect(guessFormat('curl --request GET \\\n  --url https://acme.kinde.com/api/v1/users')).toBe('curl');
    expect(guessFormat('$ curl https://acme.kinde.com/api/v1/users')).toBe('curl');
  });

  it('says nothing for text it cannot place', () => {
    expect(guessFormat('')).toBeNull();
    expect(guessFormat('hello')).toBeNull();
    expect(guessFormat('{"swagger":"2.0"}')).toBeNull();
    expect(guessFormat('{ not json')).toBeNull();
  });

  it('offers the formats the server reads', () => {
    expect([...IMPORT_FORMATS]).toEqual([...CORE_FORMATS]);
  });
});
