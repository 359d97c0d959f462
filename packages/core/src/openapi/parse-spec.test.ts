import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSpec } from './parse-spec.ts';

const minimal = (extra = '') => `openapi: 3.0.3
info: { title: T, version: '1' }
paths:
  /ping:
    get:
      operationId: ping
      responses: { '200': { description: ok } }
${extra}`;

describe('parseSpec', () => {
  it('accepts a minimal OpenAPI 3 document in YAML and in JSON', () => {
    const fromYaml = parseSpec(minimal());
    expect(fromYaml.ok && fromYaml.value.paths['/ping']?.get?.operationId).toBe('ping');
    const fromJson = parseSpec(JSON.stringify({ openapi: '3.1.0', info: { title: 'T', version: '1' }, paths: { '/a': { get: {} } } }));
    expect(fromJson.ok).toBe(true);
  });

  it('keeps dates as the strings the author wrote', () => {
    const r = parseSpec(minimal('x-created: 2024-01-01'));
    expect(r.ok && r.value['x-created']).toBe('2024-01-01');
  });

  it('names Swagger 2.0 documents as such', () => {
    const r = parseSpec('swagger: "2.0"\ninfo: { title: T, version: "1" }\npaths: { /a: { get: {} } }');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^not OpenAPI 3: this is Swagger 2\.0/);
  });

  it('reports a missing openapi field, missing info and empty paths together', () => {
    const r = parseSpec('paths: {}');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toContain('not OpenAPI 3: missing `openapi: 3.x` field');
      expect(r.errors).toContain('missing `info` object (with `title` and `version`)');
      expect(r.errors).toContain('paths is empty: the document describes no operations');
    }
  });

  it('rejects other openapi versions', () => {
    const r = parseSpec('openapi: 2.5\ninfo: { title: T, version: "1" }\npaths: { /a: { get: {} } }');
    expect(!r.ok && r.errors).toEqual(['not OpenAPI 3: `openapi` is "2.5", expected 3.x']);
  });

  it('gives the line of a YAML syntax error', () => {
    const r = parseSpec('openapi: 3.0.0\ninfo:\n  title: T\n   version: 1\npaths: {}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^not valid YAML or JSON: .* at line 4, column \d+$/);
  });

  it('gives the line of a broken JSON document', () => {
    const r = parseSpec('{\n  "openapi": "3.0.0",\n  "info": {,\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/at line 3/);
  });

  it('rejects garbage and empty text with a plain message', () => {
    const garbage = parseSpec('just some words');
    expect(!garbage.ok && garbage.errors[0]).toBe('not an OpenAPI document: expected a mapping at the top level, got the text "just some words"');
    expect(parseSpec('  \n')).toEqual({ ok: false, errors: ['the document is empty'] });
    expect(!parseSpec('- a\n- b').ok).toBe(true);
  });

  it('flags paths without a leading slash and non-object operations', () => {
    const r = parseSpec('openapi: 3.0.0\ninfo: { title: T, version: "1" }\npaths:\n  users:\n    get: 5');
    expect(!r.ok && r.errors).toEqual(['path "users" must start with "/"', 'GET users must be an object, got a number']);
  });

  it('parses the real Kinde spec', () => {
    const r = parseSpec(readFileSync(process.env.KINDE_SPEC!, 'utf8'));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.info.title).toBe('Kinde Management API');
  });
});
