import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/create-test-app.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.close());

async function call(method: string, path: string, json?: unknown) {
  const res = await t.request(path, { method, ...(json !== undefined ? { json } : {}) });
  return { status: res.status, body: (await res.json()) as any };
}

async function setup(envVars: { key: string; value: string; secret?: boolean }[]) {
  const env = await call('POST', '/api/environments', { name: 'Acme', variables: [{ key: 'business_domain', value: 'https://acme.kinde.com' }, ...envVars] });
  const collection = await call('POST', `/api/environments/${env.body.id}/collections`, {
    name: 'Kinde',
    variables: [{ key: 'page_size', value: '10' }, { key: 'sort', value: 'name_asc' }, { key: 'off', value: 'x', enabled: false }],
  });
  expect(collection.status).toBe(201);
  return { envId: env.body.id as string, collectionId: collection.body.id as string };
}

const request = { method: 'GET', url: '{{business_domain}}/api/v1/organizations?page_size={{page_size}}&sort={{sort}}' };

describe('POST /api/snippets with a collectionId', () => {
  it('uses the collection variables where the environment has none, the environment\'s otherwise', async () => {
    const { envId, collectionId } = await setup([{ key: 'sort', value: 'name_desc' }]);
    const res = await call('POST', '/api/snippets', { environmentId: envId, request, target: 'curl', collectionId });
    expect(res.status).toBe(200);
    expect(res.body.code).toContain('page_size=10&sort=name_desc');
  });

  it('ignores disabled collection variables and refuses another environment\'s collection', async () => {
    const { envId, collectionId } = await setup([]);
    const disabled = await call('POST', '/api/snippets', { environmentId: envId, request: { method: 'GET', url: '{{business_domain}}/api/v1/users?x={{off}}' }, target: 'curl', collectionId });
    expect(disabled.body.error).toMatchObject({ code: 'unresolved_variable' });
    const other = await setup([]);
    const res = await call('POST', '/api/snippets', { environmentId: other.envId, request, target: 'curl', collectionId });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/another environment/);
  });
});
