import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '@kinde-explorer/kinde-mock';
import { postmanValidator } from '../../../../packages/core/src/io/__fixtures__/postman-schema.ts';
import { createTestApp, type TestApp } from '../testing/create-test-app.ts';

const FIXTURES = join(import.meta.dirname, '../../../../packages/core/src/io/__fixtures__/postman');
const CLIENT_ID = 'guide_flow_client';
const CLIENT_SECRET = 'guide-flow-secret-0a9b8c7d';

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let t: TestApp;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, rateLimit: null });
  t = await createTestApp();
});
afterAll(async () => {
  t.close();
  await sandbox.close();
});

async function call(method: string, path: string, json?: unknown) {
  const res = await t.request(path, { method, ...(json !== undefined ? { json } : {}) });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as any };
}

describe('the Kinde Postman guide, end to end', () => {
  it('imports the collection and environment, sends through the sandbox, saves, exports a valid collection', async () => {
    // 1. Import the environment as Postman's import does (a new environment), then point it at the sandbox.
    const envImport = await call('POST', '/api/import', { content: readFileSync(join(FIXTURES, 'kinde-environment.postman.json'), 'utf8') });
    expect(envImport.status).toBe(201);
    const envId = envImport.body.environment.id;
    const merge = await call('POST', `/api/environments/${envId}/import`, {
      content: JSON.stringify({
        name: 'sandbox',
        values: [
          { key: 'business_domain', value: sandbox.url, type: 'default', enabled: true },
          { key: 'client_id', value: CLIENT_ID, type: 'default', enabled: true },
          { key: 'client_secret', value: CLIENT_SECRET, type: 'secret', enabled: true },
        ],
      }),
    });
    expect(merge.status).toBe(200);

    // 2. Import the collection into it.
    const colImport = await call('POST', `/api/environments/${envId}/import`, { content: readFileSync(join(FIXTURES, 'kinde-collection.postman.json'), 'utf8') });
    const collectionId = colImport.body.collections[0].id;
    const tree = (await call('GET', `/api/collections/${collectionId}`)).body;
    const listUsers = tree.items[0].items[0];
    const createOrg = tree.items[1].items[0];

    // 3. Send saved requests through the sandbox.
    const saved = (await call('GET', `/api/collections/${collectionId}/requests/${listUsers.id}`)).body;
    const sent = await call('POST', '/api/send', { environmentId: envId, request: saved.request });
    expect(sent.status).toBe(200);
    expect(sent.body.status).toBe(200);
    expect(JSON.parse(sent.body.body).users.length).toBeGreaterThan(0);
    const org = (await call('GET', `/api/collections/${collectionId}/requests/${createOrg.id}`)).body;
    const created = await call('POST', '/api/send', { environmentId: envId, request: org.request });
    expect(created.body.status).toBe(200);

    // 4. Save a change, as Ctrl+S in a tab would.
    const changed = { ...saved.request, url: saved.request.url.replace('page_size=10', 'page_size=3') };
    const put = await call('PUT', `/api/collections/${collectionId}/requests/${listUsers.id}`, { name: 'List 3 users', request: changed, expectedUpdatedAt: saved.updatedAt });
    expect(put.status).toBe(200);
    const again = await call('POST', '/api/send', { environmentId: envId, request: put.body.request });
    expect(JSON.parse(again.body.body).users).toHaveLength(3);

    // 5. Export: valid Postman v2.1, the change included, no secret.
    const exported = await call('GET', `/api/collections/${collectionId}/export`);
    const validate = postmanValidator();
    expect(validate(exported.body), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(exported.body.item[0].item[0]).toMatchObject({ name: 'List 3 users', request: { url: { raw: '{{business_domain}}/api/v1/users?page_size=3' } } });
    expect(exported.text).not.toContain(CLIENT_SECRET);
    const envExport = await call('GET', `/api/environments/${envId}/export`);
    expect(envExport.text).not.toContain(CLIENT_SECRET);

    // 6. History has the sends, without the secret. (The relay reports after answering, on a later tick.)
    await new Promise((r) => setTimeout(r, 20));
    const history = (await call('GET', `/api/environments/${envId}/history`)).body;
    expect(history.entries.map((e: any) => e.status)).toEqual([200, 200, 200]);
    expect(JSON.stringify(history)).not.toContain(CLIENT_SECRET);
  });
});
