import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from '@kinde-explorer/kinde-mock';
import { createTestApp, type TestApp } from '../testing/create-test-app.ts';

// Core's Kinde-guide fixture: its collection carries `page_size = 10`, used by "List organizations".
const FIXTURES = join(import.meta.dirname, '../../../../packages/core/src/io/__fixtures__/postman');
const KINDE_COLLECTION = readFileSync(join(FIXTURES, 'kinde-collection.postman.json'), 'utf8');
const CLIENT_ID = 'collection_vars_client';
const CLIENT_SECRET = 'collection-vars-secret-7c2d';

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let t: TestApp;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, rateLimit: null });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  sandbox.reset();
  t = await createTestApp();
});
afterEach(() => t.close());

async function call(method: string, path: string, json?: unknown) {
  const res = await t.request(path, { method, ...(json !== undefined ? { json } : {}) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as any };
}

async function createEnv(extra: { key: string; value: string }[] = []): Promise<string> {
  const variables = [
    { key: 'business_domain', value: sandbox.url },
    { key: 'client_id', value: CLIENT_ID },
    { key: 'client_secret', value: CLIENT_SECRET, secret: true },
    ...extra,
  ];
  const res = await call('POST', '/api/environments', { name: 'Sandbox', variables });
  expect(res.status).toBe(201);
  return res.body.id;
}

/** Imports the Kinde guide collection and returns its id and the saved "List organizations" request. */
async function importKinde(envId: string) {
  expect((await call('POST', `/api/environments/${envId}/import`, { content: KINDE_COLLECTION })).status).toBe(201);
  const [collection] = (await call('GET', `/api/environments/${envId}/collections`)).body.collections;
  const orgs = collection.items.find((i: any) => i.name === 'Organizations');
  const list = orgs.items.find((i: any) => i.name === 'List organizations');
  const saved = await call('GET', `/api/collections/${collection.id}/requests/${list.id}`);
  return { collectionId: collection.id as string, request: saved.body.request };
}

const lastQuery = () => sandbox.stats().requests.filter((r) => r.path === '/api/v1/organizations').at(-1)?.query;

describe('POST /api/send with a collectionId', () => {
  it('fills {{page_size}} from the imported collection\'s variables', async () => {
    const envId = await createEnv();
    const { collectionId, request } = await importKinde(envId);
    expect(request.url).toContain('{{page_size}}');

    const without = await call('POST', '/api/send', { environmentId: envId, request });
    expect(without.status).toBe(400);
    expect(without.body.error.code).toBe('unresolved_variable');

    const res = await call('POST', '/api/send', { environmentId: envId, request, collectionId });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe(200);
    expect(lastQuery()).toMatchObject({ page_size: '10', sort: 'name_asc' });
  });

  it('lets an environment variable override the collection variable', async () => {
    const envId = await createEnv([{ key: 'page_size', value: '3' }]);
    const { collectionId, request } = await importKinde(envId);
    const res = await call('POST', '/api/send', { environmentId: envId, request, collectionId });
    expect(res.body.status).toBe(200);
    expect(lastQuery()).toMatchObject({ page_size: '3' });
  });

  it('refuses a collection of another environment, and an unknown collection', async () => {
    const envA = await createEnv();
    const envB = await createEnv();
    const { collectionId, request } = await importKinde(envA);
    const other = await call('POST', '/api/send', { environmentId: envB, request, collectionId });
    expect(other.status).toBe(400);
    expect(other.body.error).toMatchObject({ code: 'validation_failed', message: expect.stringMatching(/another environment/) });
    const missing = await call('POST', '/api/send', { environmentId: envA, request, collectionId: 'no-such-collection' });
    expect(missing.status).toBe(404);
    expect(sandbox.stats().apiRequests).toBe(0);
  });
});
