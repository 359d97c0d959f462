import { describe, expect, it } from 'vitest';
import { fixtureText } from './__fixtures__/load-fixture.ts';
import { detectFormat, importDocument } from './detect-format.ts';

describe('detectFormat', () => {
  it.each([
    ['Postman collection', fixtureText('postman/kinde-collection.postman.json'), 'postman-collection'],
    ['Postman environment', fixtureText('postman/kinde-environment.postman.json'), 'postman-environment'],
    ['environment without scope marker', JSON.stringify({ name: 'E', values: [] }), 'postman-environment'],
    ['OpenAPI YAML', 'openapi: 3.0.0\ninfo:\n  title: t\n  version: "1"\npaths: {}\n', 'openapi'],
    ['OpenAPI JSON', JSON.stringify({ openapi: '3.1.0', info: {}, paths: {} }), 'openapi'],
    ['cURL', "  curl --request GET \\\n --url 'https://a.kinde.com/api/v1/users'", 'curl'],
    ['cURL with a prompt', '$ curl https://a.test', 'curl'],
    ['plain text', 'hello world', null],
    ['Swagger 2', '{"swagger":"2.0","info":{},"paths":{}}', null],
    ['broken JSON', '{"info": ', null],
  ])('%s', (_name, text, expected) => {
    expect(detectFormat(text)).toBe(expected);
  });
});

describe('importDocument', () => {
  it('imports each detected kind into its result shape', () => {
    const c = importDocument(fixtureText('postman/kinde-collection.postman.json'));
    expect(c.ok && c.value.kind === 'collection' && c.value.collections[0]?.name).toBe('Kinde');
    const e = importDocument(fixtureText('postman/kinde-environment.postman.json'));
    expect(e.ok && e.value.kind === 'environment' && e.value.environment.variables.length).toBe(5);
    const r = importDocument('curl https://a.kinde.com/api/v1/users');
    expect(r.ok && r.value.kind === 'request' && r.value.request.request.url).toBe('{{business_domain}}/api/v1/users');
  });

  it('uses the format given instead of guessing', () => {
    const r = importDocument('{"name":"E","values":[]}', 'postman-collection');
    expect(r.ok).toBe(false);
  });

  it('explains what it accepts when it cannot tell', () => {
    const r = importDocument('just some words');
    expect(!r.ok && r.errors[0]).toMatch(/Postman collection or environment.*OpenAPI 3.*cURL/);
    const v1 = importDocument('{"id":"1","name":"old","requests":[]}');
    expect(!v1.ok && v1.errors[0]).toMatch(/Collection v1/);
    expect(importDocument('  ').ok).toBe(false);
  });
});
