import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '@kinde-explorer/kinde-mock';
import { createTestApp, type TestApp } from '../testing/create-test-app.ts';

const CLIENT_ID = 'single_send_client';
const CLIENT_SECRET = 'single-send-secret-9d8c7b6a';

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
let t: TestApp;
let envId: string;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, rateLimit: null });
  t = await createTestApp();
  envId = await t.createEnvironment('Sandbox', [
    { key: 'business_domain', value: sandbox.url },
    { key: 'client_id', value: CLIENT_ID },
    { key: 'client_secret', value: CLIENT_SECRET, secret: true },
  ]);
});
afterAll(async () => {
  t.close();
  await sandbox.close();
});

async function send(request: unknown) {
  const res = await t.request('/api/send', { method: 'POST', json: { environmentId: envId, request } });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as any };
}

describe('POST /api/send of a request with tests', () => {
  it('runs the scripts, assertions and captures around the send and answers their results beside the response', async () => {
    const res = await send({
      method: 'POST',
      url: '{{business_domain}}/api/v1/organization',
      body: { mode: 'json', json: '{"name": "{{org_name}}"}' },
      assertions: [
        { source: 'status', operator: 'eq', value: '200' },
        { source: 'jsonPath', property: '$.organization.code', operator: 'matches', value: '^org_' },
        { source: 'status', operator: 'eq', value: '201', name: 'deliberately wrong' },
      ],
      captures: [{ source: 'jsonPath', property: '$.organization.code', variable: 'org_code' }],
      scripts: {
        preRequest: 'pm.variables.set("org_name", "Single " + Date.now()); console.log("secret is", pm.environment.get("client_secret"));',
        test: 'pm.test("json", () => pm.response.to.have.status(200)); console.log("code", pm.response.json().organization.code);',
      },
    });
    expect(res.status).toBe(200);
    // The relay's own answer, whole: status, body, timings.
    expect(res.body.status).toBe(200);
    expect(res.body.timings.totalMs).toBeGreaterThan(0);
    const code = JSON.parse(res.body.body).organization.code as string;
    const tests = res.body.tests;
    expect(tests.results.map((r: { passed: boolean }) => r.passed).sort()).toEqual([false, true, true, true]);
    expect(tests.results.find((r: { passed: boolean }) => !r.passed).name).toBe('deliberately wrong');
    expect(tests.captures).toEqual([expect.objectContaining({ variable: 'org_code', value: code })]);
    expect(tests.console.map((c: { message: string }) => c.message)).toEqual(['secret is undefined', `code ${code}`]);
    expect(res.text).not.toContain(CLIENT_SECRET);
  });

  it('answers the relay error of the send itself, as without tests', async () => {
    const res = await send({ method: 'GET', url: 'https://elsewhere.example.com/api/v1/users', assertions: [{ source: 'status', operator: 'eq', value: '200' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('target_not_allowed');
  });

  it('reports a pre-request script that throws as a failed test, with its message', async () => {
    const res = await send({ method: 'GET', url: '{{business_domain}}/api/v1/users', scripts: { preRequest: 'throw new Error("no org yet")' } });
    expect(res.status).toBe(200);
    expect(res.body.tests.results).toEqual([expect.objectContaining({ passed: false, phase: 'prerequest', error: expect.stringMatching(/no org yet/) })]);
  });

  it('leaves requests without tests to the plain relay (no tests field)', async () => {
    const res = await send({ method: 'GET', url: '{{business_domain}}/api/v1/users' });
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('tests');
  });
});

describe('POST /api/send of a saved request: the scripts of its collection and folders run around it, as in a run', () => {
  const script = (listen: string, line: string) => ({ listen, script: { type: 'text/javascript', exec: [line] } });
  const postman = {
    info: { name: 'Around', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    event: [script('prerequest', 'pm.variables.set("size", "2");'), script('test', 'pm.test("collection test", () => {});')],
    item: [
      {
        name: 'Outer',
        event: [script('test', 'pm.test("outer folder test", () => pm.response.to.have.status(200));')],
        item: [
          {
            name: 'Inner',
            event: [script('test', 'pm.test("inner folder test", () => pm.expect(pm.response.json().users.length).to.eql(2));')],
            item: [{ name: 'List', request: { method: 'GET', header: [{ key: 'Authorization', value: 'Bearer {{access_token}}' }], url: '{{business_domain}}/api/v1/users?page_size={{size}}' } }],
          },
        ],
      },
    ],
  };
  let collectionId: string;
  let savedRequestId: string;
  let request: unknown;
  beforeAll(async () => {
    const imported = await t.request(`/api/environments/${envId}/import`, { method: 'POST', json: { content: JSON.stringify(postman) } });
    collectionId = ((await imported.json()) as { collections: { id: string }[] }).collections[0]!.id;
    const tree = (await (await t.request(`/api/collections/${collectionId}`)).json()) as any;
    savedRequestId = tree.items[0].items[0].items[0].id;
    request = ((await (await t.request(`/api/collections/${collectionId}/requests/${savedRequestId}`)).json()) as any).request;
  });
  const sendSaved = async (extra: Record<string, unknown>) => {
    const res = await t.request('/api/send', { method: 'POST', json: { environmentId: envId, request, ...extra } });
    return { status: res.status, body: (await res.json()) as any };
  };

  it('runs collection → outer folder → inner folder scripts for a request with none of its own', async () => {
    const res = await sendSaved({ collectionId, savedRequestId });
    expect(res.status).toBe(200);
    expect(res.body.url).toContain('page_size=2');
    expect(res.body.tests.results.map((r: { name: string; passed: boolean }) => [r.name, r.passed])).toEqual([
      ['collection test', true],
      ['outer folder test', true],
      ['inner folder test', true],
    ]);
  });

  it('runs the collection scripts alone when the request is not named, or no longer in the collection', async () => {
    for (const extra of [{ collectionId }, { collectionId, savedRequestId: 'gone-request-id' }]) {
      const res = await sendSaved(extra);
      expect(res.status).toBe(200);
      expect(res.body.tests.results.map((r: { name: string }) => r.name)).toEqual(['collection test']);
    }
  });

  it('refuses a collection of another environment before running any of its scripts', async () => {
    const otherEnv = await t.createEnvironment('Other', [{ key: 'business_domain', value: sandbox.url }]);
    const res = await t.request('/api/send', { method: 'POST', json: { environmentId: otherEnv, request, collectionId, savedRequestId } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.message).toContain('belongs to another environment');
  });
});
