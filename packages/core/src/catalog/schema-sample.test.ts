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

  it('gives required fields their example or a typed placeholder and leaves optional ones out', () => {
    expect(schemaSkeletonValue(schema)).toEqual({ name: 'Acme', count: 0, ratio: 0, on: false, tags: [], kind: 'a', owner: { id: '' } });
  });

  it('fills a string without an example with a readable sample for its name or format, references left empty', () => {
    const people: SchemaObject = {
      type: 'object',
      required: ['display_name', 'email', 'key', 'endpoint', 'role_id', 'org_code', 'at'],
      properties: {
        display_name: { type: 'string' },
        email: { type: 'string' },
        key: { type: 'string' },
        endpoint: { type: 'string' },
        role_id: { type: 'string' },
        org_code: { type: 'string' },
        at: { type: 'string', format: 'date-time' },
      },
    };
    expect(schemaSkeletonValue(people)).toEqual({
      display_name: 'Acme',
      email: 'user@example.com',
      key: 'acme',
      endpoint: 'https://example.com',
      role_id: '',
      org_code: '',
      at: '2024-01-01T00:00:00Z',
    });
  });

  it('ignores an example of the wrong type', () => {
    expect(schemaSkeletonValue({ type: 'object', required: ['n'], properties: { n: { type: 'integer', example: 'ten' } } })).toEqual({ n: 0 });
  });

  it('pretty-prints with two spaces', () => {
    expect(schemaSkeleton({ type: 'object', required: ['name'], properties: { name: { type: 'string' } } })).toBe('{\n  "name": "Acme"\n}');
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

  it("has the required field of Kinde createOrganization, with the spec's example, and nothing else", () => {
    expect(JSON.parse(schemaSkeleton(bodySchema('createOrganization')))).toEqual({ name: 'Acme Corp' });
  });

  it('lists createUser fields, since Kinde marks none of them required', () => {
    const skeleton = JSON.parse(schemaSkeleton(bodySchema('createUser')));
    expect(skeleton).toMatchObject({ profile: { given_name: 'Jane', family_name: 'Doe', picture: '' }, organization_code: '', provided_id: '' });
    expect(skeleton.identities[0]).toEqual({ type: 'email', is_verified: true, details: { email: 'email@email.com' } });
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
