import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { createHistoryService, workerHistoryWriter, type HistoryStorage } from '../services/history/index.ts';
import { fakeKinde, startRecordingServer, type RecordingServer } from '../services/testing/recording-server.ts';
import { describeEachEngine, TEST_DATABASE_URL } from '../testing/engines.ts';
import { createTestApp, type TestApp } from '../testing/create-test-app.ts';
import { DB_FILE_NAME } from '../services/storage/index.ts';
import { join } from 'node:path';

const CLIENT_ID = 'worker-history-client';
const CLIENT_SECRET = 'worker-history-secret-7d21c0b9e5';
const FOREIGN_JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ3b3JrZXItdGVzdCJ9.d29ya2VyLXNpZ25hdHVyZQ';

let kinde: RecordingServer;
beforeAll(async () => {
  kinde = await startRecordingServer();
  kinde.setHandler(
    fakeKinde(() => kinde.url, {
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      api: (req, res) => {
        // Echoes credentials back: what the worker stores must hold none of them.
        res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'sid=worker-cookie-123' });
        res.end(JSON.stringify({ path: req.path, auth: req.headers.authorization, secret: CLIENT_SECRET, jwt: FOREIGN_JWT }));
      },
    }),
  );
});
afterAll(() => kinde.close());

/** History written by the worker thread (HISTORY_WRITER=worker, what the server runs), on both engines. */
describeEachEngine('history on its worker thread', (engine) => {
  let t: TestApp;
  let envId: string;
  beforeEach(async () => {
    t = await createTestApp({ engine, env: { HISTORY_WRITER: 'worker' } });
    envId = await t.createEnvironment('Worker', [
      { key: 'business_domain', value: kinde.url },
      { key: 'client_id', value: CLIENT_ID },
      { key: 'client_secret', value: CLIENT_SECRET },
    ]);
  });
  afterEach(() => t.close());

  const storage = (): HistoryStorage =>
    engine === 'sqlite' ? { engine: 'sqlite', file: join(t.dataDir, DB_FILE_NAME) } : { engine: 'postgres', url: TEST_DATABASE_URL, schema: t.database!.schema };

  it('has a send in the list as soon as the send has answered, redacted before it is stored', async () => {
    const sent = await t.request('/api/send', { method: 'POST', json: { environmentId: envId, request: { method: 'GET', url: `{{business_domain}}/api/v1/users?note=${CLIENT_SECRET}` } } });
    expect(sent.status).toBe(200);
    // The relay hands the record over in a setImmediate after answering (app.request resolves sooner than a socket would).
    await new Promise((r) => setImmediate(r));
    const list = (await (await t.request(`/api/environments/${envId}/history`)).json()) as { entries: { id: string; status: number }[] };
    expect(list.entries.map((e) => e.status)).toEqual([200]);
    const entry = (await (await t.request(`/api/history/${list.entries[0]!.id}`)).json()) as { request: { url: string }; response: { body: string; headers: { key: string; value: string }[] } };
    expect(entry.request.url).not.toContain(CLIENT_SECRET);
    expect(entry.response.body).toContain('"path":"/api/v1/users?note=[redacted]');
    expect(entry.response.headers.find((h) => h.key === 'set-cookie')?.value).toBe('[redacted]');
    const stored = (await t.storedBytes()).toString('utf8');
    for (const secret of [CLIENT_SECRET, FOREIGN_JWT, 'worker-cookie-123']) expect(stored).not.toContain(secret);
  });

  it('keeps the newest entries per environment, drops records of a deleted environment, and writes beside other transactions', async () => {
    const history = createHistoryService({ data: t.deps.data, writer: (limits) => workerHistoryWriter(storage(), limits) }, { maxEntriesPerEnvironment: 3, flushDelayMs: 5 });
    try {
      const record = (i: number, environmentId: string) => ({ environmentId, request: { method: 'GET' as const, url: `/r${i}` }, sentAt: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString() });
      // Batches land while this thread runs transactions that read, then write, on its own connection:
      // neither side may fail because the other committed in between (SQLite: `begin immediate`).
      let writing = true;
      const saves = (async () => {
        for (let i = 0; i < 30; i++) {
          await t.deps.data.transaction(async (trx) => {
            await trx.selectFrom('environments').select('id').execute();
            // Yield between the read and the write, so the worker's batches can commit in between.
            for (let k = 0; k < 5; k++) await new Promise((r) => setImmediate(r));
            await trx.insertInto('environments').values({ id: `other-${i}`, name: `Other ${i}`, position: 100 + i, created_at: '2025-01-01T00:00:00.000Z', updated_at: '2025-01-01T00:00:00.000Z' }).execute();
          });
        }
      })();
      const batches = (async () => {
        for (let i = 0; writing || i < 60; i++) {
          history.record(record(i, envId));
          if (i % 6 === 5) await history.flush();
        }
      })();
      await saves.finally(() => (writing = false));
      await batches;
      history.record(record(99, 'deleted-env'));
      await history.flush();
      const newest = (await history.list(envId, { limit: 10 })).entries.map((e) => e.url);
      expect(newest).toHaveLength(3);
      expect(Number(newest[0]!.slice(2))).toBeGreaterThanOrEqual(59);
      expect(newest.map((u) => Number(u.slice(2)))).toEqual([...newest].map((u) => Number(u.slice(2))).sort((a, b) => b - a));
      expect(await t.deps.data.db.selectFrom('history').select('id').where('environment_id', '=', 'deleted-env').execute()).toEqual([]);
      expect((await t.deps.data.db.selectFrom('environments').select('id').where('id', 'like', 'other-%').execute()).length).toBe(30);
    } finally {
      await history.close();
    }
  });
});
