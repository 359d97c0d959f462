import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '@kinde-explorer/kinde-mock';
import { createTestApp, type TestApp } from '../testing/create-test-app.ts';

const CLIENT_ID = 'team_client';
const CLIENT_SECRET = 'team-canary-secret-8e2c41b7a9';

/** Polls until `check` passes (a notice crosses instances asynchronously); no fixed sleeps. */
async function eventually(check: () => Promise<void> | void, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

// Two explorer instances (each its own pool, caches and token cache) on one PostgreSQL schema.
describe('two instances on one PostgreSQL database', () => {
  let sandbox: Sandbox;
  let a: TestApp;
  let b: TestApp;
  let envId: string;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, rateLimit: null, spec: null });
    a = await createTestApp({ engine: 'postgres' });
    b = await createTestApp({ sameDatabaseAs: a });
    envId = await a.createEnvironment('Shared', [
      { key: 'business_domain', value: sandbox.url },
      { key: 'client_id', value: CLIENT_ID },
      { key: 'client_secret', value: CLIENT_SECRET, secret: true },
      { key: 'page_size', value: '3' },
    ]);
    await eventually(() => expect(a.deps.data.changesLive && b.deps.data.changesLive).toBe(true));
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await sandbox?.close();
  });

  const send = (t: TestApp, url = '{{business_domain}}/api/v1/users?page_size={{page_size}}') =>
    t.request('/api/send', { method: 'POST', json: { environmentId: envId, request: { method: 'GET', url } } });

  it('exchanges one token for 200 concurrent cold sends spread over both instances', async () => {
    sandbox.setFaults({ latencyMs: 150, pathPrefix: '/oauth2/' }); // a slow exchange, so the sends really overlap it
    const before = sandbox.stats().tokenRequests;
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => send(i % 2 === 0 ? a : b)));
    sandbox.setFaults({ latencyMs: 0, pathPrefix: null });
    expect(answers.map((r) => r.status)).toEqual(Array(200).fill(200));
    const bodies = (await Promise.all(answers.map((r) => r.json()))) as { status: number }[];
    expect(bodies.every((x) => x.status === 200)).toBe(true);
    expect(sandbox.stats().tokenRequests - before).toBe(1);
    // Stored once, sealed: the plain token and secret are not in the database.
    const stored = (await a.storedBytes()).toString('utf8');
    expect(stored).not.toContain(CLIENT_SECRET);
    const { token } = await a.deps.tokens.get(envId, { businessDomain: sandbox.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
    expect(stored).not.toContain(token.accessToken);
    expect(sandbox.stats().tokenRequests - before).toBe(1);
  });

  it('shows an environment changed on one instance to the next send on the other', async () => {
    const lastPageSize = () => sandbox.stats().requests.filter((r) => r.path === '/api/v1/users').at(-1)?.query.page_size;
    expect((await send(b)).status).toBe(200); // b has the environment cached now
    expect(lastPageSize()).toBe('3');
    const seen = new Promise<void>((resolve) => {
      const off = b.deps.environments.onChange((id) => {
        if (id === envId) resolve(void off());
      });
    });
    const patched = await a.request(`/api/environments/${envId}`, {
      method: 'PATCH',
      json: { variables: [{ key: 'business_domain', value: sandbox.url }, { key: 'client_id', value: CLIENT_ID }, { key: 'client_secret' }, { key: 'page_size', value: '7' }] },
    });
    expect(patched.status).toBe(200);
    await seen; // the notice, a round trip through PostgreSQL
    expect((await send(b)).status).toBe(200);
    expect(lastPageSize()).toBe('7');
  });

  it('knows every session, collection, share and history entry on both instances', async () => {
    const created = await a.request(`/api/environments/${envId}/collections`, { method: 'POST', json: { name: 'Team collection' } });
    const collection = (await created.json()) as { id: string };
    expect(((await (await b.request(`/api/collections/${collection.id}`)).json()) as { name: string }).name).toBe('Team collection');
    expect((await send(a)).status).toBe(200);
    await a.deps.history.flush();
    const history = (await (await b.request(`/api/environments/${envId}/history`)).json()) as { entries: unknown[] };
    expect(history.entries.length).toBeGreaterThan(0);
    const share = await a.request('/api/shares', {
      method: 'POST',
      json: { environmentId: envId, request: { method: 'GET', url: '{{business_domain}}/api/v1/users' }, response: { status: 200, headers: [], body: '{}' } },
    });
    expect(share.status).toBe(201);
    const { id } = (await share.json()) as { id: string };
    expect((await b.request(`/api/shares/${id}`)).status).toBe(200);
  });

  it('drops a deleted environment on the other instance too', async () => {
    const other = await a.createEnvironment('Short-lived', [{ key: 'business_domain', value: sandbox.url }]);
    expect((await b.request(`/api/environments/${other}`)).status).toBe(200);
    await b.deps.environments.getResolved(other); // cached on b
    expect((await a.request(`/api/environments/${other}`, { method: 'DELETE' })).status).toBe(204);
    await eventually(async () => expect(b.deps.environments.getResolved(other)).rejects.toThrow(/does not exist/));
  });
});
