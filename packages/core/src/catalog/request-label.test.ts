import { describe, expect, it } from 'vitest';
import { buildCatalog } from './build-catalog.ts';
import { kindeSpec } from './kinde-spec.test-helper.ts';
import { displayPath, foreignHost, kindeHostOf, matchOperation, pathOfUrl, requestLabel } from './request-label.ts';

describe('request labels', () => {
  it('reads the path of a URL as written', () => {
    expect(pathOfUrl('{{business_domain}}/api/v1/users?page_size=5')).toBe('/api/v1/users');
    expect(pathOfUrl('https://acme.kinde.com/api/v1/organization#x')).toBe('/api/v1/organization');
    expect(displayPath('{{business_domain}}/api/v1/organization')).toBe('/organization');
    expect(displayPath('https://example.com')).toBe('https://example.com');
  });

  it("names the host only when it is not the environment's Kinde domain", () => {
    const kinde = kindeHostOf('https://Acme.kinde.com');
    expect(kinde).toBe('acme.kinde.com');
    expect(kindeHostOf('http://127.0.0.1:8788')).toBe('127.0.0.1:8788');
    expect(kindeHostOf('')).toBeNull();
    expect(foreignHost('{{business_domain}}/api/v1/users', kinde)).toBeNull();
    expect(foreignHost('https://acme.kinde.com/api/v1/users', kinde)).toBeNull();
    expect(foreignHost('https://other.kinde.com/api/v1/users', kinde)).toBe('other.kinde.com');
    expect(foreignHost('{{staging_domain}}/api/v1/users', kinde)).toBe('{{staging_domain}}');
  });

  it('finds the catalog operation of a request, literal paths before templated ones', () => {
    const operations = buildCatalog(kindeSpec()).operations;
    expect(matchOperation(operations, 'POST', '{{business_domain}}/api/v1/organization')?.summary).toBe('Create organization');
    expect(matchOperation(operations, 'GET', '{{business_domain}}/api/v1/organizations/org_1/users?page_size=2')?.operationId).toBe('GetOrganizationUsers');
    expect(matchOperation(operations, 'GET', 'https://acme.kinde.com/api/v1/users')?.operationId).toBe('getUsers');
    expect(matchOperation(operations, 'GET', '{{business_domain}}/api/v1/nothing-here')).toBeUndefined();
    expect(matchOperation(operations, 'PUT', '{{business_domain}}/api/v1/organization')).toBeUndefined();
  });
});

describe('requestLabel', () => {
  const operations = buildCatalog(kindeSpec()).operations;
  const create = { method: 'POST', url: '{{business_domain}}/api/v1/organization', operationId: 'createOrganization' };

  it('names a catalog request by its operation while it still calls it', () => {
    expect(requestLabel(create, operations, 'acme.kinde.com')).toEqual({ title: 'Create organization', path: '/organization', host: null });
    expect(requestLabel({ ...create, url: '{{business_domain}}/api/v1/users' }, operations, null).title).toBe('/users');
  });

  it('names a typed request by its path unless asked to match by URL', () => {
    const typed = { method: 'GET', url: 'https://other.example.com/api/v1/users' };
    expect(requestLabel(typed, operations, 'acme.kinde.com')).toEqual({ title: '/users', path: '/users', host: 'other.example.com' });
    expect(requestLabel(typed, operations, 'acme.kinde.com', true).title).toBe('Get users');
  });
});
