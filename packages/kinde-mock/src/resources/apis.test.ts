import { beforeAll, describe, expect, it } from 'vitest';
import { createSandboxApp, type SandboxApp } from '../app.ts';
import { call } from '../test-support.ts';

// Loose typing: these tests read response bodies field by field.
type Json = Record<string, any>;

describe('APIs and applications', () => {
  let sandbox: SandboxApp;
  let token: string;
  const req = async (method: string, path: string, body?: unknown) => {
    const res = await call(sandbox, token, method, path, body);
    return { status: res.status, body: (await res.json()) as Json };
  };
  beforeAll(async () => {
    sandbox = createSandboxApp();
    token = await sandbox.issueToken();
  });

  it('lists the management API with the sandbox audience and its scopes on expand', async () => {
    const { body } = await req('GET', '/api/v1/apis?expand=scopes');
    const mgmt = body.apis.find((a: Json) => a.is_management_api);
    expect(mgmt.audience).toBe('http://localhost/api');
    expect(mgmt.scopes.map((s: Json) => s.key)).toContain('read:users');
    const detail = await req('GET', `/api/v1/apis/${mgmt.id}`);
    expect(detail.body.api.applications).toEqual([
      { id: 'sandbox_m2m_client', name: 'Kinde API Explorer (sandbox)', type: 'Machine to machine (M2M)', is_active: true },
    ]);
  });

  it('creates an API and an application', async () => {
    const api = await req('POST', '/api/v1/apis', { name: 'Billing API', audience: 'https://billing.example.com' });
    expect(api.body).toMatchObject({ code: 'OK', api: { id: expect.any(String) } });
    expect((await req('POST', '/api/v1/apis', { name: 'Dup', audience: 'https://billing.example.com' })).status).toBe(400);
    const app = await req('POST', '/api/v1/applications', { name: 'CLI', type: 'm2m' });
    expect(app.status).toBe(201);
    expect(app.body.application).toMatchObject({ id: expect.any(String), client_id: app.body.application.id });
    const apps = await req('GET', '/api/v1/applications?page_size=500');
    expect(apps.body.applications).toContainEqual({ id: app.body.application.id, name: 'CLI', type: 'm2m' });
    expect((await req('POST', '/api/v1/applications', { name: 'Bad', type: 'desktop' })).status).toBe(400);
  });
});
