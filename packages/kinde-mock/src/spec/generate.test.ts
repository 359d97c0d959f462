import { describe, expect, it } from 'vitest';
import { exampleFromSchema } from './generate.ts';
import { loadSpecSync, type OpenApiDoc } from './load-spec.ts';

const doc: OpenApiDoc = {
  paths: {},
  components: {
    schemas: {
      node: { type: 'object', properties: { name: { type: 'string' }, child: { $ref: '#/components/schemas/node' } } },
      page: {
        type: 'object',
        properties: { items: { type: 'array', items: { $ref: '#/components/schemas/node' } }, next_token: { type: 'string' }, has_more: { type: 'boolean' } },
      },
    },
  },
};

describe('exampleFromSchema', () => {
  it('prefers examples, then enums, then typed values', () => {
    expect(exampleFromSchema(doc, { type: 'string', example: 'acme' })).toBe('acme');
    expect(exampleFromSchema(doc, { type: 'string', enum: ['str', 'int'] })).toBe('str');
    expect(exampleFromSchema(doc, { type: 'object', properties: { n: { type: 'integer' }, ok: { type: 'boolean' }, at: { type: 'string', format: 'date-time' } } })).toEqual({
      n: 1,
      ok: true,
      at: '2024-01-01T00:00:00.000000+00:00',
    });
  });

  it('merges allOf, takes the first oneOf, and stops at reference cycles', () => {
    expect(exampleFromSchema(doc, { allOf: [{ type: 'object', properties: { a: { example: 1 } } }, { type: 'object', properties: { b: { example: 2 } } }] })).toEqual({ a: 1, b: 2 });
    expect(exampleFromSchema(doc, { oneOf: [{ type: 'integer', example: 7 }, { type: 'string' }] })).toBe(7);
    expect(exampleFromSchema(doc, { $ref: '#/components/schemas/node' })).toEqual({ name: 'Example', child: null });
  });

  it('never generates a next page', () => {
    expect(exampleFromSchema(doc, { $ref: '#/components/schemas/page' })).toEqual({ items: [{ name: 'Example', child: null }], has_more: false });
  });

  it('is deterministic on the real spec', () => {
    const kinde = loadSpecSync(process.env.KINDE_SPEC!);
    const schema = { $ref: '#/components/schemas/get_organization_response' };
    expect(JSON.stringify(exampleFromSchema(kinde, schema))).toBe(JSON.stringify(exampleFromSchema(kinde, schema)));
    expect(exampleFromSchema(kinde, schema)).toMatchObject({ code: 'org_1ccfb819462', name: 'Acme Corp' });
  });
});
