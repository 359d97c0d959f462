import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../testing/engines.ts';
import { createTestApp, type TestApp } from '../testing/create-test-app.ts';

const CANARY = 'canary-secret-7f3a9c1e5b';
const OTHER_CANARY = 'second-canary-0d4e8b2a61';

describeEachEngine('environment routes', (engine) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ engine });
  });
  afterEach(() => t.close());

  const create = async (body: unknown) => {
    const res = await t.request('/api/environments', { method: 'POST', json: body });
    return { res, body: (await res.json()) as any };
  };

  describe('environments API', () => {
    it('creates, reads, lists, renames and deletes an environment', async () => {
      const { res, body } = await create({ name: 'Production', variables: [{ key: 'business_domain', value: 'myapp' }] });
      expect(res.status).toBe(201);
      expect(body.id).toEqual(expect.any(String));
      expect(body.variables).toEqual([{ key: 'business_domain', value: 'https://myapp.kinde.com', secret: false, enabled: true, hasValue: true }]);

      const got = await t.request(`/api/environments/${body.id}`);
      expect(got.status).toBe(200);
      expect(((await got.json()) as any).name).toBe('Production');

      await create({ name: 'Staging' });
      const list = (await (await t.request('/api/environments')).json()) as any;
      expect(list.environments.map((e: any) => e.name)).toEqual(['Production', 'Staging']);

      const patched = await t.request(`/api/environments/${body.id}`, { method: 'PATCH', json: { name: 'Prod' } });
      expect(patched.status).toBe(200);
      expect(((await patched.json()) as any).variables).toHaveLength(1); // variables untouched when not sent

      expect((await t.request(`/api/environments/${body.id}`, { method: 'DELETE' })).status).toBe(204);
      const gone = await t.request(`/api/environments/${body.id}`);
      expect(gone.status).toBe(404);
      expect(await gone.json()).toEqual({ error: { code: 'not_found', message: expect.stringContaining(body.id) } });
    });

    it('never returns a secret value, and keeps it when a PATCH sends none', async () => {
      const { body } = await create({
        name: 'Prod',
        variables: [
          { key: 'client_id', value: 'abc' },
          { key: 'client_secret', value: CANARY, secret: false }, // always secret whatever the client says
          { key: 'api_key', value: OTHER_CANARY, secret: true },
        ],
      });
      expect(body.variables[1]).toEqual({ key: 'client_secret', value: null, secret: true, enabled: true, hasValue: true });
      expect(body.variables[2]).toMatchObject({ value: null, hasValue: true });

      const patch = await t.request(`/api/environments/${body.id}`, {
        method: 'PATCH',
        json: { variables: [{ key: 'client_id', value: 'abc2' }, { key: 'client_secret', value: null }, { key: 'api_key' }] },
      });
      const patched = await patch.text();
      const all = [JSON.stringify(body), patched, await (await t.request(`/api/environments/${body.id}`)).text(), await (await t.request('/api/environments')).text()];
      for (const text of all) {
        expect(text).not.toContain(CANARY);
        expect(text).not.toContain(OTHER_CANARY);
      }
      const resolved = (await t.deps.environments.getResolved(body.id));
      expect(resolved.variables).toEqual({ client_id: 'abc2', client_secret: CANARY, api_key: OTHER_CANARY });
      expect(resolved.secretValues.sort()).toEqual([CANARY, OTHER_CANARY].sort());
    });

    it('replaces a secret when a new value is sent and clears it with an empty string', async () => {
      const { body } = await create({ name: 'P', variables: [{ key: 'client_secret', value: CANARY }] });
      await t.request(`/api/environments/${body.id}`, { method: 'PATCH', json: { variables: [{ key: 'client_secret', value: 'new-secret-value' }] } });
      expect((await t.deps.environments.getResolved(body.id)).variables.client_secret).toBe('new-secret-value');
      const cleared = await t.request(`/api/environments/${body.id}`, { method: 'PATCH', json: { variables: [{ key: 'client_secret', value: '' }] } });
      expect(((await cleared.json()) as any).variables[0]).toMatchObject({ hasValue: false, value: null });
      expect((await t.deps.environments.getResolved(body.id)).variables).toEqual({});
    });

    it('drops, never reveals, a secret that is switched to plain without a new value', async () => {
      const { body } = await create({ name: 'P', variables: [{ key: 'api_key', value: CANARY, secret: true }] });
      const res = await t.request(`/api/environments/${body.id}`, { method: 'PATCH', json: { variables: [{ key: 'api_key', secret: false }] } });
      const text = await res.text();
      expect(text).not.toContain(CANARY);
      expect(JSON.parse(text).variables[0]).toEqual({ key: 'api_key', value: '', secret: false, enabled: true, hasValue: false });
    });

    it('stores secrets encrypted: the database files never hold the plain text', async () => {
      const { body } = await create({ name: 'P', variables: [{ key: 'client_secret', value: CANARY }, { key: 'visible', value: 'plain-marker-123' }] });
      await t.request(`/api/environments/${body.id}`, { method: 'PATCH', json: { variables: [{ key: 'client_secret' }, { key: 'visible', value: 'plain-marker-123' }] } });
      const bytes = await t.storedBytes();
      expect(bytes.includes('plain-marker-123')).toBe(true); // the search itself works
      expect(bytes.includes(CANARY)).toBe(false);
      expect((await t.deps.environments.getResolved(body.id)).variables.client_secret).toBe(CANARY);
    });

    it('keeps secrets out of the log', async () => {
      const { body } = await create({ name: 'P', variables: [{ key: 'client_secret', value: CANARY }] });
      t.deps.logger.info({ note: `oops ${CANARY}` }, `resolved ${(await t.deps.environments.getResolved(body.id)).variables.client_secret}`);
      t.deps.logger.info({ headers: { authorization: 'Bearer abc.def.ghi' } }, 'headers');
      const log = t.logLines.join('');
      expect(log).toContain('[REDACTED]');
      expect(log).not.toContain(CANARY);
      expect(log).not.toContain('abc.def.ghi');
    });

    it('normalises business_domain and allows plain http only for loopback', async () => {
      const cases: [string, string][] = [
        ['myapp', 'https://myapp.kinde.com'],
        ['myapp.kinde.com', 'https://myapp.kinde.com'],
        ['https://myapp.kinde.com/', 'https://myapp.kinde.com'],
        ['http://127.0.0.1:8788', 'http://127.0.0.1:8788'],
      ];
      for (const [input, expected] of cases) {
        const { res, body } = await create({ name: input, variables: [{ key: 'business_domain', value: input }] });
        expect(res.status).toBe(201);
        expect(body.variables[0].value).toBe(expected);
        expect((await t.deps.environments.getResolved(body.id)).businessDomain).toBe(expected);
      }
      const bad = await create({ name: 'x', variables: [{ key: 'business_domain', value: 'http://myapp.kinde.com' }] });
      expect(bad.res.status).toBe(400);
      expect(bad.body.error.code).toBe('validation_failed');
      expect(bad.body.error.message).toMatch(/variables\.0\.value: .*plain http is allowed only for loopback/);
      const withPath = await create({ name: 'x', variables: [{ key: 'business_domain', value: 'https://myapp.kinde.com/api' }] });
      expect(withPath.body.error.message).toMatch(/without a path/);
    });

    it('resolves enabled variables only', async () => {
      const { body } = await create({ name: 'P', variables: [{ key: 'a', value: '1' }, { key: 'b', value: '2', enabled: false }] });
      expect((await t.deps.environments.getResolved(body.id))).toEqual({ id: body.id, name: 'P', businessDomain: null, variables: { a: '1' }, secretValues: [] });
    });

    it('refuses duplicate variable keys', async () => {
      const { res, body } = await create({ name: 'P', variables: [{ key: 'a', value: '1' }, { key: 'a', value: '2' }] });
      expect(res.status).toBe(400);
      expect(body.error.message).toMatch(/"a" appears twice/);
    });

    it('answers malformed JSON and wrong types with a 400 in the one error shape', async () => {
      const malformed = await t.request('/api/environments', { method: 'POST', body: '{"name":', headers: { 'content-type': 'application/json' } });
      expect(malformed.status).toBe(400);
      expect(((await malformed.json()) as any).error.code).toBe('invalid_json');

      const wrong = await create({ name: 42, variables: 'nope' });
      expect(wrong.res.status).toBe(400);
      expect(wrong.body.error.code).toBe('validation_failed');
      expect(wrong.body.error.message).toMatch(/name:/);
      expect(wrong.body.error.message).toMatch(/variables:/);

      const badKey = await create({ name: 'x', variables: [{ key: 'has space', value: 'v' }] });
      expect(badKey.body.error.message).toMatch(/variables\.0\.key/);

      const noType = await t.request('/api/environments', { method: 'POST', body: '{"name":"x"}' });
      expect(noType.status).toBe(400);
      expect(((await noType.json()) as any).error.message).toMatch(/content-type: application\/json/);

      const arrayBody = await create([1, 2]);
      expect(arrayBody.res.status).toBe(400);
      const nullBody = await t.request('/api/environments/x', { method: 'PATCH', body: 'null', headers: { 'content-type': 'application/json' } });
      expect(nullBody.status).toBe(400);
    });
  });
});
