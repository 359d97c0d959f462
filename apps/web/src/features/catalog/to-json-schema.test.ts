import { describe, expect, it } from 'vitest';
import { kindeOperation } from './kinde-spec.test-helper.ts';
import { toJsonSchema } from './to-json-schema.ts';

describe('toJsonSchema', () => {
  it('turns nullable into a null type and drops OpenAPI-only keywords', () => {
    expect(toJsonSchema({ type: 'string', nullable: true, example: 'a', 'x-internal': 1, description: 'Name' })).toEqual({
      type: ['string', 'null'],
      examples: ['a'],
      description: 'Name',
      markdownDescription: 'Name',
    });
  });

  it('treats a recursive $ref as any value instead of a broken reference', () => {
    expect(toJsonSchema({ type: 'object', properties: { child: { $ref: '#/components/schemas/node' } } })).toEqual({
      type: 'object',
      properties: { child: {} },
    });
  });

  it('keeps Create organization’s required name, properties and enums for completion', () => {
    const schema = toJsonSchema(kindeOperation('createOrganization').requestBody!.schema);
    expect(schema.required).toEqual(['name']);
    const props = schema.properties as Record<string, Record<string, unknown>>;
    expect(props.name).toMatchObject({ type: 'string', examples: ['Acme Corp'], markdownDescription: "The organization's name." });
    expect(props.feature_flags!.additionalProperties).toMatchObject({ enum: ['str', 'int', 'bool'] });
    expect(props.sender_name!.type).toEqual(['string', 'null']);
    expect(props.is_allow_registrations!.deprecationMessage).toMatch(/deprecated/i);
    expect(JSON.stringify(schema)).not.toContain('"nullable"');
  });
});
