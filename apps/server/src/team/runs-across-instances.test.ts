import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecordingServer, type RecordingServer } from '../services/testing/recording-server.ts';
import { createTestApp, type TestApp } from '../testing/create-test-app.ts';

interface SseEvent {
  event: string | undefined;
  id: string | undefined;
  data: string;
}

/** Reads one SSE stream to its end (the `end` event closes it). */
async function readStream(res: Response): Promise<SseEvent[]> {
  expect(res.status).toBe(200);
  const text = await res.text();
  return text
    .split('\n\n')
    .filter((block) => block.trim() && !block.startsWith(':'))
    .map((block) => {
      const field = (name: string) => block.split('\n').find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
      return { event: field('event'), id: field('id'), data: block.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n') };
    });
}

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`${what}: not in time`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

// Two instances (each its own pool, listener and runs) on one PostgreSQL schema: a person's
// requests land on either, as behind a round-robin balancer.
describe('runs and sends across two instances on one PostgreSQL database', () => {
  let upstream: RecordingServer;
  let a: TestApp;
  let b: TestApp;
  let envId: string;
  let collectionId: string;
  // Requests to /hold wait until `release()`; /never never answers (only an abort ends it).
  let release: () => void = () => {};
  let gate = Promise.resolve();
  const hold = () => (gate = new Promise<void>((r) => (release = r)));

  beforeAll(async () => {
    upstream = await startRecordingServer(async (req, res) => {
      if (req.path.startsWith('/never')) return;
      if (req.path.startsWith('/hold')) await gate;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ path: req.path }));
    });
    a = await createTestApp({ engine: 'postgres' });
    b = await createTestApp({ sameDatabaseAs: a });
    envId = await a.createEnvironment('Team', [{ key: 'business_domain', value: upstream.url }]);
    const col = await a.request(`/api/environments/${envId}/collections`, { method: 'POST', json: { name: 'Across' } });
    collectionId = ((await col.json()) as { id: string }).id;
    for (const [name, path] of [['Held', '/hold'], ['Second', '/fast/2'], ['Third', '/fast/3']] as const) {
      const added = await a.request(`/api/collections/${collectionId}/requests`, {
        method: 'POST',
        json: { name, request: { method: 'GET', url: `{{business_domain}}${path}`, auth: 'none', assertions: [{ source: 'status', operator: 'eq', value: '200' }] } },
      });
      expect(added.status).toBe(201);
    }
    await until(() => a.deps.data.changesLive && b.deps.data.changesLive, 'both listeners up');
  });
  afterAll(async () => {
    release();
    await b?.close();
    await a?.close();
    await upstream?.close();
  });

  const start = async (t: TestApp, body: Record<string, unknown> = {}) => {
    const res = await t.request('/api/runs', { method: 'POST', json: { environmentId: envId, collectionId, ...body } });
    return { status: res.status, body: (await res.json()) as any };
  };
  const arrived = (path: string, n = 1) => until(() => upstream.requests.filter((r) => r.path === path).length >= n, `${n} request(s) to ${path}`);

  it('streams on B every event of a run started on A, in order, then its end', async () => {
    hold();
    const started = await start(a, { iterations: 2 });
    expect(started.status).toBe(201);
    const runId = started.body.id as string;
    await arrived('/hold'); // the run is on its first request: in progress
    const onB = b.request(`/api/runs/${runId}/events`);
    const onA = a.request(`/api/runs/${runId}/events`);
    const [headB, headA] = await Promise.all([onB, onA]);
    release();
    const [fromB, fromA] = await Promise.all([readStream(headB), readStream(headA)]);

    expect(fromB.map((e) => e.event)).toEqual(fromA.map((e) => e.event));
    expect(fromB.slice(0, -1)).toEqual(fromA.slice(0, -1)); // the same ids and data on both
    const events = fromB.slice(0, -1);
    expect(events.map((e) => e.id)).toEqual(events.map((_, i) => String(i + 1)));
    expect(events[0]!.event).toBe('run-started');
    expect(events.filter((e) => e.event === 'request-finished').map((e) => JSON.parse(e.data).result.name)).toEqual(['Held', 'Second', 'Third', 'Held', 'Second', 'Third']);
    expect(events.at(-1)!.event).toBe('run-finished');
    const end = fromB.at(-1)!;
    expect(end.event).toBe('end');
    expect(JSON.parse(end.data)).toMatchObject({ id: runId, status: 'passed', requests: 6 });
  });

  it('resumes on B after Last-Event-ID while the run is in progress on A', async () => {
    hold();
    // Counted before the start: the run's first request may reach the upstream before start() returns.
    const before = upstreamHolds();
    const runId = (await start(a)).body.id as string;
    await arrived('/hold', before + 1);
    const first = await b.request(`/api/runs/${runId}/events`, { headers: { 'last-event-id': '1' } });
    release();
    const events = await readStream(first);
    expect(events[0]!.id).toBe('2'); // run-started (1) was seen already
    expect(events.at(-1)!.event).toBe('end');
  });

  it('stops on B a run of A: its request in flight is aborted and it ends stopped', async () => {
    const col = await a.request(`/api/environments/${envId}/collections`, { method: 'POST', json: { name: 'Endless' } });
    const endless = ((await col.json()) as { id: string }).id;
    await a.request(`/api/collections/${endless}/requests`, { method: 'POST', json: { name: 'Never', request: { method: 'GET', url: '{{business_domain}}/never/stop', auth: 'none' } } });
    const started = await a.request('/api/runs', { method: 'POST', json: { environmentId: envId, collectionId: endless } });
    const runId = ((await started.json()) as { id: string }).id;
    await arrived('/never/stop');
    const stream = b.request(`/api/runs/${runId}/events`);
    const stop = await b.request(`/api/runs/${runId}/stop`, { method: 'POST' });
    expect(stop.status).toBe(202);
    expect(await stop.json()).toEqual({ id: runId, stopping: true });
    const events = await readStream(await stream);
    expect(JSON.parse(events.at(-1)!.data)).toMatchObject({ id: runId, status: 'stopped' });
    expect(((await (await a.request(`/api/runs/${runId}`)).json()) as { status: string }).status).toBe('stopped');
    // Ended: a second stop, on either instance, has nothing to stop.
    expect(await (await b.request(`/api/runs/${runId}/stop`, { method: 'POST' })).json()).toEqual({ id: runId, stopping: false });
  });

  it('counts the runs of both instances against one limit of 4', async () => {
    hold();
    const before = upstreamHolds();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await start(i % 2 ? b : a);
      expect(r.status).toBe(201);
      ids.push(r.body.id);
    }
    await arrived('/hold', before + 4);
    const fifth = await Promise.all([start(a), start(b)]);
    expect(fifth.map((r) => r.status)).toEqual([429, 429]);
    expect(fifth[0]!.body.error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/^4 runs are in progress/) });
    release();
    for (const id of ids) {
      await until(async () => ((await (await b.request(`/api/runs/${id}`)).json()) as { status: string }).status === 'passed', `run ${id} passed`);
    }
    expect((await start(b)).status).toBe(201);
  });

  it('cancels on B a send in progress on A; an unknown one is 404 on both', async () => {
    const pending = a.request('/api/send', { method: 'POST', json: { environmentId: envId, requestId: 'req-across', request: { method: 'GET', url: '{{business_domain}}/never/send', auth: 'none' } } });
    await arrived('/never/send');
    const del = await b.request('/api/send/req-across', { method: 'DELETE' });
    expect(del.status).toBe(204);
    const res = await pending;
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('cancelled');
    for (const t of [a, b]) {
      const gone = await t.request('/api/send/req-across', { method: 'DELETE' });
      expect(gone.status).toBe(404);
      expect(((await gone.json()) as { error: { message: string } }).error.message).toMatch(/is in progress/);
    }
  });

  const upstreamHolds = () => upstream.requests.filter((r) => r.path === '/hold').length;
});
