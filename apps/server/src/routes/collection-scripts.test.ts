import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/create-test-app.ts';

let t: TestApp;
let envId: string;
beforeAll(async () => {
  t = await createTestApp();
  envId = await t.createEnvironment('Scripts', [{ key: 'business_domain', value: 'https://scripts.kinde.com' }]);
});
afterAll(() => t.close());

const event = (listen: string, line: string) => ({ listen, script: { type: 'text/javascript', exec: [line] } });

const postman = {
  info: { name: 'With scripts', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  event: [event('prerequest', 'pm.variables.set("from_collection", "1");')],
  item: [
    {
      name: 'Orgs',
      event: [event('test', 'pm.test("folder test", () => {});')],
      item: [{ name: 'List', request: { method: 'GET', url: '{{business_domain}}/api/v1/organizations' } }],
    },
  ],
};

describe('scripts of collections and folders', () => {
  it('are stored on import and come back in the export and in a duplicate', async () => {
    const imported = await t.request(`/api/environments/${envId}/import`, { method: 'POST', json: { content: JSON.stringify(postman) } });
    expect(imported.status).toBe(201);
    const { id } = ((await imported.json()) as { collections: { id: string }[] }).collections[0]!;
    const exported = (await (await t.request(`/api/collections/${id}/export`)).json()) as any;
    expect(JSON.stringify(exported.event)).toContain('from_collection');
    expect(JSON.stringify(exported.item[0].event)).toContain('folder test');

    const copy = (await (await t.request(`/api/collections/${id}/duplicate`, { method: 'POST' })).json()) as { id: string };
    const copied = (await (await t.request(`/api/collections/${copy.id}/export`)).json()) as any;
    expect(JSON.stringify(copied.item[0].event)).toContain('folder test');
  });
});
