import { describe, expect, it } from 'vitest';
import { kindeOperation } from '../catalog/kinde-spec.test-helper.ts';
import { enumLabels, schemaFields, typeLabel } from './schema-describe.ts';

describe('typeLabel', () => {
  it('reads types as a person would say them', () => {
    expect(typeLabel({ type: 'string', format: 'email' })).toBe('string (email)');
    expect(typeLabel({ type: 'array', items: { type: 'object', properties: {} } })).toBe('array of object');
    expect(typeLabel({ type: 'integer', nullable: true })).toBe('integer | null');
    expect(typeLabel({ type: ['string', 'null'] })).toBe('string | null');
    expect(typeLabel({ oneOf: [{ type: 'string' }, { type: 'integer' }] })).toBe('one of string | integer');
    expect(typeLabel({ $ref: '#/components/schemas/node' })).toBe('node (recursive)');
    expect(typeLabel(undefined)).toBe('any');
  });
});

describe('schemaFields', () => {
  it('lists Create organization’s body fields with name required', () => {
    const fields = schemaFields(kindeOperation('createOrganization').requestBody!.schema);
    const name = fields.find((f) => f.name === 'name');
    expect(name).toMatchObject({ required: true });
    expect(fields.length).toBeGreaterThan(5);
    expect(fields.filter((f) => f.required).map((f) => f.name)).toEqual(['name']);
  });

  it('looks through arrays and merges allOf', () => {
    expect(schemaFields({ type: 'array', items: { properties: { id: { type: 'string' } }, required: ['id'] } })).toEqual([
      { name: 'id', schema: { type: 'string' }, required: true },
    ]);
    const merged = schemaFields({ allOf: [{ properties: { a: { type: 'string' } } }, { properties: { b: { type: 'integer' } }, required: ['b'] }] });
    expect(merged.map((f) => [f.name, f.required])).toEqual([
      ['a', false],
      ['b', true],
    ]);
  });
});

describe('enumLabels', () => {
  it('quotes enum values, also of array items', () => {
    expect(enumLabels({ type: 'string', enum: ['asc', 'desc'] })).toEqual(['"asc"', '"desc"']);
    expect(enumLabels({ type: 'array', items: { enum: [1, 2] } })).toEqual(['1', '2']);
  });
});
