import { describe, expect, it } from 'vitest';
import type { SchemaObject } from '../openapi/types.ts';
import { kindeSpec } from './kinde-spec.test-helper.ts';
import { listOperations } from './operations.ts';
import { schemaExample, schemaSkeleton, schemaSkeletonValue } from './schema-sample.ts';

const bodySchema = (operationId: string) =>
  listOperations(kindeSpec()).find((e) => e.operationId === operationId)!.op.requestBody!.content!['application/json']!.schema!;

describe('schemaSkeleton', () => {
  const schema: SchemaObject = {
    type: 'object',
    required: ['name', 'count', 'ratio', 'on', 'tags', 'kind', 'owner'],
    properties: {
      name: { type: 'string', example: 'Acme' },
      count: { type: 'integer' },
      ratio: { type: 'number' },
      on: { type: 'boolean' },
      tags: { type: 'array', items: { type: 'string' } },
      kind: { type: 'string', enum: ['a', 'b'] },
      owner: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, note: { type: 'string' } } },
      optional: { type: 'string' },
    },
  };

  it('gives required fields typed placeholders and leaves optional ones out', () => {
    expect(schemaSkeletonValue(schema)).toEqual({ name: '', count: 0, ratio: 0, on: false, tags: [], kind: 'a', owner: { id: '' } });
  });

  it('pretty-prints with two spaces', () => {
    expect(schemaSkeleton({ type: 'object', required: ['a'], properties: { a: { type: 'string' } } })).toBe('{\n  "a": ""\n}');
  });

  it('merges allOf and picks the first oneOf choice', () => {
    const merged: SchemaObject = {
      allOf: [
        { type: 'object', required: ['a'], properties: { a: { type: 'string' } } },
        { type: 'object', required: ['b'], properties: { b: { oneOf: [{ type: 'integer' }, { type: 'string' }] } } },
      ],
    };
    expect(schemaSkeletonValue(merged)).toEqual({ a: '', b: 0 });
  });

  it('stops at a recursive $ref', () => {
    expect(schemaSkeletonValue({ type: 'object', required: ['self'], properties: { self: { $ref: '#/components/schemas/x' } } })).toEqual({ self: null });
  });

  it('has the required field of Kinde createOrganization and nothing else', () => {
    expect(JSON.parse(schemaSkeleton(bodySchema('createOrganization')))).toEqual({ name: '' });
  });

  it('lists createUser fields, since Kinde marks none of them required', () => {
    const skeleton = JSON.parse(schemaSkeleton(bodySchema('createUser')));
    expect(skeleton).toEqual({ profile: { given_name: '', family_name: '', picture: '' }, organization_code: '', provided_id: '', identities: [] });
    expect(JSON.parse(schemaSkeleton(bodySchema('createUser'), { whenNoneRequired: 'none' }))).toEqual({});
  });

  it('covers the required fields of every Kinde JSON body', () => {
    for (const entry of listOperations(kindeSpec())) {
      const schema = entry.op.requestBody?.content?.['application/json']?.schema;
      if (!schema?.required) continue;
      const skeleton = JSON.parse(schemaSkeleton(schema)) as Record<string, unknown>;
      expect(Object.keys(skeleton).sort(), entry.operationId).toEqual([...new Set(schema.required)].sort());
    }
  });
});

describe('schemaExample', () => {
  it('uses examples, enums and format-aware placeholders', () => {
    expect(
      schemaExample({
        type: 'object',
        properties: {
          name: { type: 'string', example: 'Acme' },
          at: { type: 'string', format: 'date-time' },
          kind: { type: 'string', enum: ['x'] },
          ids: { type: 'array', items: { type: 'integer' } },
        },
      }),
    ).toEqual({ name: 'Acme', at: '2024-01-01T00:00:00Z', kind: 'x', ids: [0] });
  });
});
