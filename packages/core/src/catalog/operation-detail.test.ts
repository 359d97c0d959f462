import { describe, expect, it } from 'vitest';
import type { OpenApiDoc } from '../openapi/types.ts';
import { operationDetailSchema } from './catalog-schema.ts';
import { kindeSpec } from './kinde-spec.test-helper.ts';
import { getOperationDetail } from './operation-detail.ts';
import { buildCatalog } from './build-catalog.ts';

describe('getOperationDetail', () => {
  it('describes parameters with their schema facts', () => {
    const detail = getOperationDetail(kindeSpec(), 'GetOrganizationUsers')!;
    expect(detail.scope).toBe('read:organization_users');
    expect(detail.description).toBe('Get user details for all members of an organization.');
    expect(detail.authRequired).toBe(true);
    expect(detail.parameters.find((p) => p.name === 'org_code')).toEqual({
      name: 'org_code',
      in: 'path',
      required: true,
      description: "The organization's code.",
      deprecated: false,
      schema: { type: 'string', example: 'org_1ccfb819462', nullable: false },
    });
    expect(detail.parameters.find((p) => p.name === 'sort')?.schema).toEqual({
      type: 'string',
      enum: ['name_asc', 'name_desc', 'email_asc', 'email_desc'],
      example: 'email_asc',
      nullable: true,
    });
    expect(detail.requestBody).toBeNull();
  });

  it('gives the request body and every response with a schema and an example', () => {
    const detail = getOperationDetail(kindeSpec(), 'createOrganization')!;
    expect(detail.requestBody).toMatchObject({ required: true, contentType: 'application/json', description: 'Organization details.' });
    expect((detail.requestBody!.schema as { required: string[] }).required).toEqual(['name']);
    expect(detail.responses.map((r) => r.status)).toEqual(expect.arrayContaining(['200', '400', '403', '429']));
    const ok = detail.responses.find((r) => r.status === '200')!;
    expect(ok.contentType).toMatch(/^application\/json/);
    expect(ok.example).toMatchObject({ code: expect.any(String) });
  });

  it('answers null for an unknown operation', () => {
    expect(getOperationDetail(kindeSpec(), 'noSuchThing')).toBeNull();
  });

  it('produces valid, serialisable detail for every Kinde operation', () => {
    const doc = kindeSpec();
    for (const { operationId } of buildCatalog(doc).operations) {
      const detail = getOperationDetail(doc, operationId);
      const parsed = operationDetailSchema.safeParse(detail);
      expect(parsed.success, operationId).toBe(true);
      expect(() => JSON.stringify(detail)).not.toThrow();
    }
  });

  it('lets operation parameters override path-level ones', () => {
    const doc = {
      openapi: '3.0.0',
      info: { title: 'T', version: '1' },
      paths: {
        '/a/{id}': {
          parameters: [{ name: 'id', in: 'path', description: 'path level' }, { name: 'q', in: 'query' }],
          get: { operationId: 'a', parameters: [{ name: 'id', in: 'path', description: 'operation level' }] },
        },
      },
    } as unknown as OpenApiDoc;
    const detail = getOperationDetail(doc, 'a')!;
    expect(detail.parameters.map((p) => [p.name, p.description, p.required])).toEqual([
      ['id', 'operation level', true],
      ['q', '', false],
    ]);
  });
});
