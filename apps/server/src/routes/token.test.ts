import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox } from '@kinde-explorer/kinde-mock';
import type { EnvironmentCreate } from '@kinde-explorer/core';
import { describeEachEngine } from '../testing/engines.ts';
import { createTestApp, type TestApp } from '../testing/create-test-app.ts';

const CLIENT_ID = 'token_route_client';
const CLIENT_SECRET = 'token-route-secret-77c2d1';

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
describeEachEngine('token routes', (engine) => {
  let t: TestApp;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, scopes: ['read:users', 'create:users'] });
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    sandbox.reset();
    t = await createTestApp({ engine });
  });
  afterEach(() => t.close());

  async function createEnv(secret = CLIENT_SECRET, extra: EnvironmentCreate['variables'] = []): Promise<string> {
    return t.createEnvironment('Sandbox', [
      { key: 'business_domain', value: sandbox.url },
      { key: 'client_id', value: CLIENT_ID },
      { key: 'client_secret', value: secret, secret: true },
      ...extra,
    ]);
  }

  const getToken = (id: string) => t.request(`/api/environments/${id}/token`, { method: 'POST' });

  type TokenBody = {
    claims: Record<string, unknown>;
    scopes: string[];
    expiresAt: string;
    expiresIn: number;
    cached: boolean;
    error?: { code: string; message: string; details?: Record<string, unknown> };
  };

  describe('POST /api/environments/:id/token', () => {
    it('shows the decoded claims and expiry, never the token', async () => {
      const id = await createEnv();
      const res = await getToken(id);
      expect(res.status).toBe(200);
      const text = await res.text();
      const body = JSON.parse(text) as TokenBody;
      expect(body.claims).toMatchObject({ aud: [`${sandbox.url}/api`], azp: CLIENT_ID, gty: ['client_credentials'], iss: sandbox.url });
      expect(body.claims).toHaveProperty('jti');
      expect(body.scopes).toEqual(['read:users', 'create:users']);
      expect(body.expiresIn).toBeGreaterThan(86_000);
      expect(Date.parse(body.expiresAt)).toBe((body.claims.exp as number) * 1000);
      expect(body.cached).toBe(false);

      const { token } = await t.deps.tokens.get(id, { businessDomain: sandbox.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
      expect(text).not.toContain(token.accessToken);
      expect(text).not.toMatch(/ey[\w-]+\.ey[\w-]+\./);
      expect(text).not.toContain(CLIENT_SECRET);
    });

    it('reuses the token until DELETE forgets it', async () => {
      const id = await createEnv();
      expect(((await (await getToken(id)).json()) as TokenBody).cached).toBe(false);
      expect(((await (await getToken(id)).json()) as TokenBody).cached).toBe(true);
      expect(sandbox.stats().tokenRequests).toBe(1);

      const del = await t.request(`/api/environments/${id}/token`, { method: 'DELETE' });
      expect(del.status).toBe(204);
      expect(((await (await getToken(id)).json()) as TokenBody).cached).toBe(false);
      expect(sandbox.stats().tokenRequests).toBe(2);
    });

    it('exchanges afresh after the credentials are edited', async () => {
      const id = await createEnv();
      await getToken(id);
      await t.request(`/api/environments/${id}`, {
        method: 'PATCH',
        json: {
          variables: [
            { key: 'business_domain', value: sandbox.url },
            { key: 'client_id', value: CLIENT_ID },
            { key: 'client_secret', value: 'a-rotated-wrong-secret', secret: true },
          ],
        },
      });
      const res = await getToken(id);
      expect(res.status).toBe(502);
    });

    it("reports Kinde's refusal with its own words and a hint", async () => {
      const id = await createEnv('not-the-right-secret');
      const res = await getToken(id);
      expect(res.status).toBe(502);
      const text = await res.text();
      const { error } = JSON.parse(text) as TokenBody;
      expect(error?.code).toBe('token_exchange_failed');
      expect(error?.message).toContain('invalid_client');
      expect(error?.details).toMatchObject({ kindeError: 'invalid_client', hint: 'Check the client ID and secret of the M2M application.' });
      expect(text).not.toContain('not-the-right-secret');
    });

    it('answers 404 for an unknown environment and 400 for one without credentials', async () => {
      expect((await getToken('nope')).status).toBe(404);
      expect((await t.request('/api/environments/nope/token', { method: 'DELETE' })).status).toBe(404);
      const res = await t.request('/api/environments', { method: 'POST', json: { name: 'Empty', variables: [] } });
      const { id } = (await res.json()) as { id: string };
      const empty = await getToken(id);
      expect(empty.status).toBe(400);
      expect(((await empty.json()) as TokenBody).error?.code).toBe('missing_business_domain');
    });
  });
});
