import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
// Core's test helpers: the Kinde-guide fixtures and Postman's published v2.1 schema (compiled with ajv).
import { postmanValidator } from '../../../../packages/core/src/io/__fixtures__/postman-schema.ts';
import { describeEachEngine } from '../testing/engines.ts';
import { createTestApp, type TestApp } from '../testing/create-test-app.ts';

const FIXTURES = join(import.meta.dirname, '../../../../packages/core/src/io/__fixtures__/postman');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const FIXTURE_SECRET = 'EXAMPLE-not-a-real-secret-7Qz9Lm2Xv4';
const OWN_SECRET = 'own-secret-value-8b1d2e';

// Kinde's docs, "Get an access token" and calling the API with it.
const KINDE_TOKEN_CURL = `curl --request POST \\
  --url 'https://<your_subdomain>.kinde.com/oauth2/token' \\
  --header 'content-type: application/x-www-form-urlencoded' \\
  --data grant_type=client_credentials \\
  --data 'client_id=<your_m2m_client_id>' \\
  --data 'client_secret=<your_m2m_client_secret>' \\
  --data 'audience=https://<your_subdomain>.kinde.com/api'`;
const KINDE_USERS_CURL = `curl --request GET \\
  --url 'https://<your_subdomain>.kinde.com/api/v1/users' \\
  --header 'accept: application/json' \\
  --header 'authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtMm0tY2xpZW50In0.c2lnbmF0dXJl'`;

describeEachEngine('import and export routes', (engine) => {
  let t: TestApp;
  let envId: string;
  beforeEach(async () => {
    t = await createTestApp({ engine });
    envId = (await call('POST', '/api/environments', { name: 'Prod', variables: [{ key: 'client_secret', value: OWN_SECRET }, { key: 'page_size', value: '5' }] })).body.id;
  });
  afterEach(() => t.close());

  async function call(method: string, path: string, json?: unknown) {
    const res = await t.request(path, { method, ...(json !== undefined ? { json } : {}) });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, body: (text ? JSON.parse(text) : null) as any };
  }
  const importInto = (content: string, extra: Record<string, unknown> = {}) => call('POST', `/api/environments/${envId}/import`, { content, ...extra });
  const shape = (items: any[]): unknown[] => items.flatMap((i) => (i.type === 'folder' ? [i.name, shape(i.items)] : [i.name]));
  const countRequests = (items: any[]): number => items.reduce((n, i) => n + (i.type === 'folder' ? countRequests(i.items) : 1), 0);
  const collections = async (env = envId) => (await call('GET', `/api/environments/${env}/collections`)).body.collections;

  const KINDE_TREE = [
    'Users', ['List users', 'Get user', 'Create user'],
    'Organizations', ['Create organization', 'List organizations', 'Members', ['List organization users']],
  ];

  describe('import', () => {
    it('imports the Kinde-guide Postman collection into the environment, with a report', async () => {
      const res = await importInto(fixture('kinde-collection.postman.json'));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ kind: 'collection', collections: [{ id: expect.any(String), name: 'Kinde', folders: 3, requests: 6 }] });
      expect(res.body.report.kept.join('\n')).toMatch(/OAuth 2\.0|Kinde M2M/);
      const [c] = await collections();
      expect(shape(c.items)).toEqual(KINDE_TREE);
      const users = c.items[0].items[0];
      const full = await call('GET', `/api/collections/${c.id}/requests/${users.id}`);
      expect(full.body.request).toMatchObject({ method: 'GET', url: '{{business_domain}}/api/v1/users?page_size=10', auth: 'kinde-m2m' });
    });

    it('merges a Postman environment into this environment: secret-typed values become secrets', async () => {
      const res = await importInto(fixture('kinde-environment.postman.json'));
      expect(res.status).toBe(200);
      expect(res.body.environment).toMatchObject({ id: envId, created: false });
      expect(res.body.report.kept).toEqual(expect.arrayContaining([`variable 'client_secret' — replaced (secret)`, `variable 'business_domain' — added`]));
      expect(res.text).not.toContain(FIXTURE_SECRET);
      const env = (await call('GET', `/api/environments/${envId}`)).body;
      expect(env.variables.map((v: any) => v.key)).toEqual(['client_secret', 'page_size', 'business_domain', 'client_id', 'user_id', 'org_code']);
      expect(env.variables.find((v: any) => v.key === 'org_code').enabled).toBe(false);
      const resolved = (await t.deps.environments.getResolved(envId));
      expect(resolved.variables).toMatchObject({ client_secret: FIXTURE_SECRET, page_size: '5', business_domain: 'https://example-business.kinde.com' });
    });

    it('keeps a stored secret when the imported one is empty (as Postman and this app export them)', async () => {
      const exported = await call('GET', `/api/environments/${envId}/export`);
      const res = await importInto(exported.text);
      expect(res.body.report.kept).toContain(`variable 'client_secret' — kept its current value (the import had none)`);
      expect((await t.deps.environments.getResolved(envId)).variables.client_secret).toBe(OWN_SECRET);
    });

    it('creates a new environment from a Postman environment at POST /api/import', async () => {
      const res = await call('POST', '/api/import', { content: fixture('kinde-environment.postman.json') });
      expect(res.status).toBe(201);
      expect(res.body.environment).toMatchObject({ name: 'Kinde (example business)', created: true });
      const env = (await call('GET', `/api/environments/${res.body.environment.id}`)).body;
      expect(env.variables.find((v: any) => v.key === 'client_secret')).toMatchObject({ secret: true, value: null, hasValue: true });
      expect((await call('GET', '/api/environments')).body.environments).toHaveLength(2);
      // A collection needs to know its environment.
      const noEnv = await call('POST', '/api/import', { content: fixture('kinde-collection.postman.json') });
      expect(noEnv.status).toBe(400);
      expect(noEnv.body.error.message).toMatch(/environmentId/);
      const withEnv = await call('POST', '/api/import', { content: fixture('kinde-collection.postman.json'), environmentId: envId });
      expect(withEnv.status).toBe(201);
    });

    it('imports the Kinde OpenAPI spec as one folder per tag with all 183 requests, in one go', async () => {
      const spec = readFileSync(process.env.KINDE_SPEC!, 'utf8');
      const started = performance.now();
      const res = await importInto(spec);
      const ms = performance.now() - started;
      expect(res.status).toBe(201);
      expect(res.body.collections[0].requests).toBe(183);
      const [c] = await collections();
      expect(c.items.every((i: any) => i.type === 'folder' && i.items.length > 0)).toBe(true);
      expect(countRequests(c.items)).toBe(183);
      expect(c.items.map((i: any) => i.name)).toEqual(expect.arrayContaining(['Users', 'Organizations', 'Roles', 'Permissions']));
      const createUser = c.items.find((f: any) => f.name === 'Users').items.find((r: any) => r.method === 'POST' && r.url.endsWith('/api/v1/user'));
      expect(createUser).toBeDefined();
      expect(ms).toBeLessThan(15_000); // parse + 183 inserts in one transaction; seconds, not minutes
    });

    it('reads a cURL command into a request without creating anything, or saves it into a collection', async () => {
      const token = await importInto(KINDE_TOKEN_CURL);
      expect(token.status).toBe(200);
      expect(token.body.kind).toBe('request');
      expect(token.body.request.request).toMatchObject({ method: 'POST', url: '{{business_domain}}/oauth2/token', body: { mode: 'urlencoded' } });
      expect(token.text).not.toContain('<your_m2m_client_secret>');
      expect(await collections()).toEqual([]);

      const c = (await call('POST', `/api/environments/${envId}/collections`, { name: 'Pasted' })).body;
      const saved = await importInto(KINDE_USERS_CURL, { collectionId: c.id });
      expect(saved.status).toBe(201);
      expect(saved.body.saved).toMatchObject({ collectionId: c.id, request: { method: 'GET', url: '{{business_domain}}/api/v1/users', auth: 'kinde-m2m' } });
      expect(saved.text).not.toContain('eyJhbGciOiJSUzI1NiJ9');
      expect(shape((await collections())[0].items)).toEqual(['GET /api/v1/users']);
    });

    it('answers bad documents and references with a 400 that says why, never a 500', async () => {
      const cases: [unknown, RegExp][] = [
        [{ content: '' }, /content/],
        [{ content: 'hello there' }, /could not tell what this document is/],
        [{ content: '{"info": {"name": "x"}, "item": [' }, /content:/],
        [{ content: 'openapi: 3.0.0\ninfo: [', format: 'openapi' }, /content:/],
        [{ content: '{"requests": []}' }, /Collection v1/],
        [{ content: 'curl' }, /content:/],
        [{ content: 'x', format: 'word' }, /format/],
        [{ content: fixture('kinde-collection.postman.json'), collectionId: 'x' }, /collectionId/],
      ];
      for (const [body, message] of cases) {
        const res = await call('POST', `/api/environments/${envId}/import`, body);
        expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
        expect(res.body.error.message).toMatch(message);
      }
      const other = (await call('POST', '/api/environments', { name: 'Other' })).body.id;
      const foreign = (await call('POST', `/api/environments/${other}/collections`, { name: 'Theirs' })).body;
      const misplaced = await importInto(KINDE_USERS_CURL, { collectionId: foreign.id });
      expect(misplaced.status).toBe(400);
      expect(misplaced.body.error.message).toMatch(/another environment/);
      expect((await call('POST', '/api/environments/nope/import', { content: KINDE_USERS_CURL })).status).toBe(404);
    });
  });

  describe('export', () => {
    it('exports a collection as Postman v2.1 that validates, as a download, without secrets, and re-imports the same', async () => {
      await importInto(fixture('kinde-environment.postman.json'));
      const imported = (await importInto(fixture('kinde-collection.postman.json'))).body.collections[0];
      const res = await call('GET', `/api/collections/${imported.id}/export`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="Kinde.postman_collection.json"; filename*=UTF-8''Kinde.postman_collection.json`);
      const validate = postmanValidator();
      expect(validate(res.body), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      expect(res.body.auth.type).toBe('oauth2');
      for (const secret of [FIXTURE_SECRET, OWN_SECRET]) expect(res.text).not.toContain(secret);

      const again = await importInto(res.text);
      const all = await collections();
      expect(shape(all[1].items)).toEqual(shape(all[0].items));
      const requestOf = async (c: any) => (await call('GET', `/api/collections/${c.id}/requests/${c.items[0].items[2].id}`)).body.request;
      expect(await requestOf(all[1])).toEqual(await requestOf(all[0]));
      expect(again.body.collections[0].requests).toBe(6);
    });

    it('exports an environment in Postman’s format with secret values left out', async () => {
      await importInto(fixture('kinde-environment.postman.json'));
      const res = await call('GET', `/api/environments/${envId}/export`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="Prod\.postman_environment\.json"/);
      expect(res.body._postman_variable_scope).toBe('environment');
      expect(res.body.values).toEqual(
        expect.arrayContaining([
          { key: 'client_secret', value: '', type: 'secret', enabled: true },
          { key: 'business_domain', value: 'https://example-business.kinde.com', type: 'default', enabled: true },
        ]),
      );
      expect(res.text).not.toContain(FIXTURE_SECRET);
      expect((await call('GET', '/api/environments/nope/export')).status).toBe(404);
      expect((await call('GET', '/api/collections/nope/export')).status).toBe(404);
    });
  });
});
