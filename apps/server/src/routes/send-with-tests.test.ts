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
