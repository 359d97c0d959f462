import { describe, expect, it } from 'vitest';
import type { OpenApiDoc } from '../openapi/types.ts';
import { buildCatalog } from './build-catalog.ts';
import { catalogSchema } from './catalog-schema.ts';
import { kindeSpec } from './kinde-spec.test-helper.ts';

describe('buildCatalog', () => {
  it('lists the 183 operations of the Kinde spec with unique ids', () => {
    const { operations } = buildCatalog(kindeSpec());
    expect(operations).toHaveLength(183);
    expect(new Set(operations.map((o) => o.operationId)).size).toBe(183);
    expect(catalogSchema.safeParse({ operations }).success).toBe(true);
    expect(operations.find((o) => o.operationId === 'createOrganization')).toEqual({
      operationId: 'createOrganization',
      method: 'POST',
      path: '/api/v1/organization',
      tag: 'Organizations',
      summary: 'Create organization',
      scope: 'create:organizations',
      deprecated: false,
    });
  });

  it('finds a scope for every Kinde operation except the public verifyApiKey', () => {
    const { operations } = buildCatalog(kindeSpec());
    const withoutScope = operations.filter((o) => o.scope === null).map((o) => o.operationId);
    console.log(`catalog: ${operations.length} operations, ${withoutScope.length} without a scope (${withoutScope.join(', ')})`);
    expect(withoutScope).toEqual(['verifyApiKey']);
    expect(operations.every((o) => o.scope === null || /^(read|create|update|delete):[a-z_]+$/.test(o.scope))).toBe(true);
  });

  it('reads the scope from the description when there is no x-scope', () => {
    const doc = {
      openapi: '3.0.0',
      info: { title: 'T', version: '1' },
      paths: {
        '/a': {
          get: { operationId: 'a', description: 'Lists.\n\n<div>\n  <code>read:things</code>\n</div>\n' },
          post: { description: 'Needs `create:things`.', deprecated: true },
          delete: { operationId: 'c', summary: ' Remove ', tags: ['Things', 'More'] },
        },
      },
    } as unknown as OpenApiDoc;
    expect(buildCatalog(doc).operations).toEqual([
      { operationId: 'a', method: 'GET', path: '/a', tag: 'Other', summary: 'GET /a', scope: 'read:things', deprecated: false },
      { operationId: 'post_a', method: 'POST', path: '/a', tag: 'Other', summary: 'POST /a', scope: 'create:things', deprecated: true },
      { operationId: 'c', method: 'DELETE', path: '/a', tag: 'Things', summary: 'Remove', scope: null, deprecated: false },
    ]);
  });
});
