import { describe, expect, it } from 'vitest';
import { requestTemplateSchema } from '../model/request.ts';
import type { OpenApiDoc } from '../openapi/types.ts';
import { applyPathParams, buildRequestFromOperation, findPathParams } from './build-request.ts';
import { buildCatalog } from './build-catalog.ts';
import { kindeSpec } from './kinde-spec.test-helper.ts';
import { getOperationDetail } from './operation-detail.ts';

const requestFor = (operationId: string) => buildRequestFromOperation(getOperationDetail(kindeSpec(), operationId)!);

describe('buildRequestFromOperation', () => {
  it('keeps path params as a form and optional query params as disabled rows', () => {
    const { request, pathParams } = requestFor('GetOrganizationUsers');
    expect(request.method).toBe('GET');
    expect(request.url).toBe('{{business_domain}}/api/v1/organizations/{org_code}/users');
    expect(pathParams).toEqual([{ key: 'org_code', value: '', required: true, description: "The organization's code." }]);
    expect(request.query?.find((q) => q.key === 'page_size')).toEqual({
      key: 'page_size',
      value: '',
      enabled: false,
      description: 'Number of results per page. Defaults to 10 if parameter not sent.',
    });
    expect(request.body).toEqual({ mode: 'none' });
    expect(request.auth).toBe('kinde-m2m');
  });

  it('enables required query params', () => {
    const { request } = requestFor('getBillingEntitlements');
    expect(request.query?.find((q) => q.key === 'customer_id')?.enabled).toBe(true);
  });

  it('prefills required query params with an enum value or sample, but not an example id', () => {
    const flag = requestFor('UpdateFeatureFlag').request.query!;
    expect(Object.fromEntries(flag.map((q) => [q.key, q.value]))).toMatchObject({ name: 'Acme', type: 'str', allow_override_level: 'env', default_value: 'true' });
    expect(requestFor('getOrganization').request.query?.find((q) => q.key === 'code')?.value).toBe('');
  });

  it('starts a JSON body that can be sent as it opens', () => {
    const { request } = requestFor('createOrganization');
    expect(request.body).toEqual({ mode: 'json', json: '{\n  "name": "Acme Corp"\n}' });
  });

  it('gives PATCH bodies without required fields an empty object, not blanked fields', () => {
    const { request } = requestFor('updateUser');
    expect(request.body).toEqual({ mode: 'json', json: '{}' });
  });

  it('builds a valid request template for every Kinde operation', () => {
    const doc = kindeSpec();
    for (const { operationId } of buildCatalog(doc).operations) {
      const built = buildRequestFromOperation(getOperationDetail(doc, operationId)!);
      expect(requestTemplateSchema.safeParse(built.request).success, operationId).toBe(true);
      expect(findPathParams(built.request.url), operationId).toEqual(built.pathParams.map((p) => p.key));
    }
  });

  it('sends an operation with empty security without a token', () => {
    const doc = {
      openapi: '3.0.0',
      info: { title: 'T', version: '1' },
      security: [{ bearer: [] }],
      paths: { '/public': { get: { operationId: 'pub', security: [] } }, '/private': { get: { operationId: 'priv' } } },
    } as unknown as OpenApiDoc;
    expect(buildRequestFromOperation(getOperationDetail(doc, 'pub')!).request.auth).toBe('none');
    expect(buildRequestFromOperation(getOperationDetail(doc, 'priv')!).request.auth).toBe('kinde-m2m');
  });
});

describe('applyPathParams', () => {
  const url = '{{business_domain}}/api/v1/organizations/{org_code}/users/{user_id}';

  it('fills and URL-encodes values', () => {
    expect(applyPathParams(url, [{ key: 'org_code', value: 'org 1/2' }, { key: 'user_id', value: 'kp_1' }])).toBe(
      '{{business_domain}}/api/v1/organizations/org%201%2F2/users/kp_1',
    );
  });

  it('keeps {{variables}} in values intact for interpolation', () => {
    expect(applyPathParams(url, [{ key: 'org_code', value: '{{org_code}}' }, { key: 'user_id', value: 'a b{{id}}' }])).toBe(
      '{{business_domain}}/api/v1/organizations/{{org_code}}/users/a%20b{{id}}',
    );
  });

  it('leaves an empty param as its token', () => {
    expect(applyPathParams(url, [{ key: 'org_code', value: 'o' }])).toBe('{{business_domain}}/api/v1/organizations/o/users/{user_id}');
    expect(findPathParams(url)).toEqual(['org_code', 'user_id']);
  });
});
