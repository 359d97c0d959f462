import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHistoryService } from '../services/history/index.ts';
import { fakeKinde, startRecordingServer, type RecordingServer } from '../services/testing/recording-server.ts';
import { describeEachEngine } from '../testing/engines.ts';
import { createTestApp, type TestApp } from '../testing/create-test-app.ts';

const CLIENT_ID = 'history-client';
const CLIENT_SECRET = 'history-secret-3c9e7a1f44';
// Someone else's token that happens to be in a request or a response: must not be kept either.
const FOREIGN_JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzb21lb25lLWVsc2UifQ.Zm9yZWlnbi1zaWduYXR1cmU';
const BIG = 300 * 1024;

let kinde: RecordingServer;
describeEachEngine('history routes', (engine) => {
  let t: TestApp;
  let envId: string;

  beforeAll(async () => {
    kinde = await startRecordingServer();
    kinde.setHandler(
      fakeKinde(() => kinde.url, {
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        api: (req, res) => {
          if (req.path.startsWith('/api/v1/big')) {
            res.writeHead(200, { 'content-type': 'text/plain' });
            return void res.end('é'.repeat(BIG / 2)); // 2 bytes each: the cap must not split one
          }
          // An API that echoes what it got, credentials included: history must still hold none.
          res.writeHead(req.path.includes('missing') ? 404 : 200, { 'content-type': 'application/json', 'set-cookie': 'sid=abc123456' });
          res.end(JSON.stringify({ path: req.path, auth: req.headers.authorization, secret: CLIENT_SECRET, jwt: FOREIGN_JWT }));
        },
      }),
    );
  });
  afterAll(() => kinde.close());
  beforeEach(async () => {
    t = await createTestApp({ engine });
    const res = await t.request('/api/environments', {
      method: 'POST',
      json: { name: 'Fake Kinde', variables: [{ key: 'business_domain', value: kinde.url }, { key: 'client_id', value: CLIENT_ID }, { key: 'client_secret', value: CLIENT_SECRET }] },
    });
    envId = ((await res.json()) as { id: string }).id;
  });
  afterEach(() => t.close());

  const send = async (request: unknown) => {
    const res = await t.request('/api/send', { method: 'POST', json: { environmentId: envId, request } });
    return (await res.json()) as any;
  };
  const get = async (path: string) => {
    const res = await t.request(path);
    return { status: res.status, body: (await res.json()) as any };
  };
  /** The relay hands records over after answering; give that hop a moment. */
  const settle = () => new Promise((r) => setTimeout(r, 20));

  describe('history API', () => {
    it('records each send, newest first, with status, time and size but no body in the list', async () => {
      await send({ method: 'GET', url: '{{business_domain}}/api/v1/users?page_size=2' });
      await send({ method: 'DELETE', url: '{{business_domain}}/api/v1/missing' });
      await send({ method: 'GET', url: '{{business_domain}}/api/v1/{{nope}}' });
      await settle();
      const { status, body } = await get(`/api/environments/${envId}/history`);
      expect(status).toBe(200);
      expect(body.entries.map((e: any) => [e.method, e.status, e.errorCode])).toEqual([
        ['GET', null, 'unresolved_variable'],
        ['DELETE', 404, null],
        ['GET', 200, null],
      ]);
      const ok = body.entries[2];
      expect(ok).toMatchObject({ url: '{{business_domain}}/api/v1/users?page_size=2', resolvedUrl: `${kinde.url}/api/v1/users?page_size=2` });
      expect(ok.durationMs).toBeGreaterThan(0);
      expect(ok.size).toBeGreaterThan(20);
      expect(ok.body).toBeUndefined();
      expect(body.entries[0].errorMessage).toMatch(/\{\{nope\}\}/);
      expect(body.nextBefore).toBeNull();

      const entry = await get(`/api/history/${ok.id}`);
      expect(entry.body.request).toEqual({ method: 'GET', url: '{{business_domain}}/api/v1/users?page_size=2' });
      expect(entry.body.response).toMatchObject({ status: 200, bodyEncoding: 'utf8', bodyTruncated: false });
      expect(JSON.parse(entry.body.response.body).path).toBe('/api/v1/users?page_size=2');
    });

    it('keeps no secret, token or JWT anywhere: not in rows, not in the database file', async () => {
      await send({
        method: 'POST',
        url: '{{business_domain}}/api/v1/echo?k={{client_secret}}',
        headers: [{ key: 'X-Forwarded-Token', value: FOREIGN_JWT }, { key: 'Authorization', value: `Bearer ${FOREIGN_JWT}` }],
        body: { mode: 'json', json: `{"secret":"${CLIENT_SECRET}"}` },
      });
      await settle();
      const token = kinde.requests.find((r) => r.path.startsWith('/api/v1/echo'))!.headers.authorization!.slice('Bearer '.length);
      expect(token.length).toBeGreaterThan(40);
      const { body } = await get(`/api/environments/${envId}/history`);
      const entry = await get(`/api/history/${body.entries[0].id}`);
      const text = JSON.stringify(entry.body);
      expect(JSON.parse(entry.body.response.body)).toMatchObject({ path: expect.stringContaining('/api/v1/echo'), secret: '[redacted]', jwt: '[redacted]' });
      expect(entry.body.response.headers).toEqual(expect.arrayContaining([{ key: 'set-cookie', value: '[redacted]' }]));
      expect(entry.body.request.url).toBe('{{business_domain}}/api/v1/echo?k={{client_secret}}');

      const bytes = await t.storedBytes();
      expect(bytes.includes('/api/v1/echo')).toBe(true); // the search itself works
      for (const needle of [CLIENT_SECRET, token, FOREIGN_JWT, 'sid=abc123456']) {
        expect(text).not.toContain(needle);
        expect(bytes.includes(needle)).toBe(false);
      }
    });

    it('stores a large response body only up to the cap and says so', async () => {
      await send({ method: 'GET', url: '{{business_domain}}/api/v1/big' });
      await settle();
      const { body } = await get(`/api/environments/${envId}/history`);
      const entry = (await get(`/api/history/${body.entries[0].id}`)).body;
      expect(entry.size).toBe(BIG);
      expect(entry.response.size).toBe(BIG);
      expect(entry.response.bodyTruncated).toBe(true);
      expect(Buffer.byteLength(entry.response.body)).toBe(256 * 1024);
      expect(entry.response.body).toMatch(/^é+$/);
    });

    it('pages with limit and before, and clears', async () => {
      for (let i = 0; i < 5; i++) await send({ method: 'GET', url: `{{business_domain}}/api/v1/users?i=${i}` });
      await settle();
      const first = await get(`/api/environments/${envId}/history?limit=2`);
      expect(first.body.entries.map((e: any) => e.url.slice(-3))).toEqual(['i=4', 'i=3']);
      const second = await get(`/api/environments/${envId}/history?limit=2&before=${first.body.nextBefore}`);
      expect(second.body.entries.map((e: any) => e.url.slice(-3))).toEqual(['i=2', 'i=1']);
      const third = await get(`/api/environments/${envId}/history?limit=2&before=${second.body.nextBefore}`);
      expect(third.body.entries.map((e: any) => e.url.slice(-3))).toEqual(['i=0']);
      expect(third.body.nextBefore).toBeNull();

      const cleared = await t.request(`/api/environments/${envId}/history`, { method: 'DELETE' });
      expect(await cleared.json()).toEqual({ deleted: 5 });
      expect((await get(`/api/environments/${envId}/history`)).body.entries).toEqual([]);
      expect((await get(`/api/history/${first.body.entries[0].id}`)).status).toBe(404);
    });

    it('keeps history per environment', async () => {
      await send({ method: 'GET', url: '{{business_domain}}/api/v1/users' });
      const other = await t.request('/api/environments', { method: 'POST', json: { name: 'Other' } });
      const otherId = ((await other.json()) as any).id;
      await settle();
      expect((await get(`/api/environments/${envId}/history`)).body.entries).toHaveLength(1);
      expect((await get(`/api/environments/${otherId}/history`)).body.entries).toEqual([]);
    });

    it('answers bad queries with 400 and unknown ids with 404', async () => {
      expect((await get(`/api/environments/${envId}/history?limit=0`)).status).toBe(400);
      expect((await get(`/api/environments/${envId}/history?limit=abc`)).status).toBe(400);
      expect((await get(`/api/environments/${envId}/history?before=nope`)).status).toBe(404);
      expect((await get('/api/environments/nope/history')).status).toBe(404);
      expect((await get('/api/history/nope')).status).toBe(404);
    });
  });

  describe('history service', () => {
    const record = (i: number, environmentId: string) => ({
      environmentId,
      request: { method: 'GET' as const, url: `/r${i}` },
      sentAt: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString(),
    });

    it('writes in the background, in batches, and keeps the newest entries per environment', async () => {
      const history = createHistoryService({ data: t.deps.data }, { maxEntriesPerEnvironment: 3, flushDelayMs: 10 });
      const count = async () => (await t.deps.data.db.selectFrom('history').select('id').execute()).length;
      for (let i = 0; i < 5; i++) history.record(record(i, envId));
      expect(await count()).toBe(0); // a send never waits for the database
      // Written by the timer, without anyone asking: poll until the batch is there.
      for (const until = Date.now() + 10_000; (await count()) < 3 && Date.now() < until; ) await new Promise((r) => setTimeout(r, 10));
      expect(await count()).toBe(3);
      expect((await history.list(envId, { limit: 10 })).entries.map((e) => e.url)).toEqual(['/r4', '/r3', '/r2']);
    });

    it('drops a record whose environment was deleted before it was written', async () => {
      const history = createHistoryService({ data: t.deps.data });
      history.record(record(1, 'gone-env'));
      await history.flush();
      expect(await t.deps.data.db.selectFrom('history').selectAll().execute()).toEqual([]);
    });
  });
});
