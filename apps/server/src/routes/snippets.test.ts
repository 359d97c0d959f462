import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/create-test-app.ts';

const CLIENT_SECRET = 'snippet-route-secret-8c1d2e';
const API_KEY = 'snippet-api-key-41aa09';

let t: TestApp;
let envId: string;

beforeEach(async () => {
  t = await createTestApp();
  envId = await t.createEnvironment('Acme', [
    { key: 'business_domain', value: 'https://acme.kinde.com' },
    { key: 'client_id', value: 'acme_client_1' },
    { key: 'client_secret', value: CLIENT_SECRET },
    { key: 'api_key', value: API_KEY, secret: true },
    { key: 'org', value: 'org_123' },
    { key: 'unused_disabled', value: 'nope', enabled: false },
  ]);
});
afterEach(() => t.close());

type SnippetBody = { code: string; language: string; label: string; target: string; redacted: boolean; error?: { code: string; message: string } };

async function snippet(request: unknown, target = 'curl', extra: object = {}): Promise<{ status: number; body: SnippetBody }> {
  const res = await t.request('/api/snippets', { method: 'POST', json: { environmentId: envId, request, target, ...extra } });
  return { status: res.status, body: (await res.json()) as SnippetBody };
}

describe('POST /api/snippets', () => {
  it('resolves plain variables on the server and writes each secret as its placeholder', async () => {
    const { status, body } = await snippet({
      method: 'POST',
      url: '{{business_domain}}/api/v1/organizations/{{org}}/users',
      headers: [{ key: 'x-api-key', value: '{{api_key}}' }],
      body: { mode: 'json', json: '{"secret":"{{client_secret}}"}' },
    }, 'python');
    expect(status).toBe(200);
    expect(body).toMatchObject({ target: 'python', label: 'Python', language: 'python', redacted: false });
    expect(body.code).toContain('https://acme.kinde.com/api/v1/organizations/org_123/users');
    expect(body.code).toContain('"x-api-key": "<api_key>"');
    expect(body.code).toContain('<m2m_client_secret>');
    expect(body.code).toContain('Bearer <m2m_access_token>');
    expect(body.code).not.toContain(CLIENT_SECRET);
    expect(body.code).not.toContain(API_KEY);
  });

  it('writes a secret used in the URL as a readable placeholder', async () => {
    for (const target of ['curl', 'python', 'node', 'go']) {
      const { status, body } = await snippet({ method: 'GET', url: '{{business_domain}}/api/v1/things/{{api_key}}?key={{api_key}}' }, target);
      expect(status, target).toBe(200);
      expect(body.code, target).toContain('/api/v1/things/<api_key>');
      expect(body.code, target).not.toContain(API_KEY);
    }
  });

  it('adds the headers the relay adds: accept and the body’s content type', async () => {
    const { body } = await snippet({ method: 'POST', url: '{{business_domain}}/api/v1/user', body: { mode: 'json', json: '{"a":1}' } });
    expect(body.code).toContain("--header 'accept: application/json'");
    expect(body.code).toContain("--header 'content-type: application/json'");
    expect(body.code).toContain(`--data '{"a":1}'`);
  });

  it('leaves out a body on GET, as the relay does', async () => {
    const { body } = await snippet({ method: 'GET', url: '{{business_domain}}/api/v1/users', body: { mode: 'json', json: '{"left":"over"}' } });
    expect(body.code).not.toContain('left');
    expect(body.code).not.toContain('--data');
  });

  it('masks a secret value typed literally into the request and says so', async () => {
    const { body } = await snippet({ method: 'GET', url: '{{business_domain}}/api/v1/users', headers: [{ key: 'x-key', value: API_KEY }] }, 'node');
    expect(body.code).not.toContain(API_KEY);
    expect(body.code).toContain('<redacted>');
    expect(body.redacted).toBe(true);
  });

  it('never writes a literal Authorization header the user typed', async () => {
    const { body } = await snippet({ method: 'GET', url: '{{business_domain}}/api/v1/users', headers: [{ key: 'Authorization', value: 'Bearer eyJhbGciOi.eyJzdWIi.c2ln' }] });
    expect(body.code).not.toContain('eyJ');
    expect(body.code).toContain('Bearer <m2m_access_token>');
  });

  it('reads the token from KINDE_M2M_TOKEN in env style', async () => {
    const { body } = await snippet({ method: 'GET', url: '{{business_domain}}/api/v1/users' }, 'curl', { tokenStyle: 'env' });
    expect(body.code).toContain('$KINDE_M2M_TOKEN');
    expect(body.code).not.toContain('<m2m_access_token>');
  });

  it('answers 400 naming an unresolved variable, disabled ones included', async () => {
    const { status, body } = await snippet({ method: 'GET', url: '{{business_domain}}/api/v1/users/{{unused_disabled}}/{{nope}}' });
    expect(status).toBe(400);
    expect(body.error?.code).toBe('unresolved_variable');
    expect(body.error?.message).toContain('{{unused_disabled}}');
    expect(body.error?.message).toContain('{{nope}}');
  });

  it('refuses an unknown language and an unknown environment', async () => {
    expect((await snippet({ method: 'GET', url: '{{business_domain}}/x' }, 'cobol')).status).toBe(400);
    const res = await t.request('/api/snippets', { method: 'POST', json: { environmentId: 'missing', request: { method: 'GET', url: 'x' }, target: 'curl' } });
    expect(res.status).toBe(404);
  });
});

describe('POST /api/snippets/token', () => {
  it('writes the exchange with the client id and the secret as <m2m_client_secret>', async () => {
    const res = await t.request('/api/snippets/token', { method: 'POST', json: { environmentId: envId, target: 'go' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as SnippetBody;
    expect(body.code).toContain('https://acme.kinde.com/oauth2/token');
    expect(body.code).toContain('acme_client_1');
    expect(body.code).toContain('<m2m_client_secret>');
    expect(body.code).not.toContain(CLIENT_SECRET);
  });
});

describe('GET /api/snippets/targets', () => {
  it('lists Kinde’s ten documented languages', async () => {
    const body = (await (await t.request('/api/snippets/targets')).json()) as { targets: { label: string }[] };
    expect(body.targets.map((x) => x.label)).toEqual(['cURL', 'C#', 'Go', 'Java', 'Node.js', 'Obj-C', 'PHP', 'Python', 'Ruby', 'Swift']);
  });
});
