import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachEngine, openTestDatabase, type TestDatabase } from '../../testing/engines.ts';
import { createRunEventsStore } from './run-events-store.ts';
import { createRunStore, INTERRUPTED_MESSAGE, RUN_STOP_CHANNEL } from './run-store.ts';

const started = (id: string, at: string, env = 'e1', collection = 'c1', instance = 'i-live') => ({
  id,
  environment_id: env,
  collection_id: collection,
  folder_id: null,
  name: 'Orgs',
  started_at: at,
  options_json: '{}',
  instance_id: instance,
});

describeEachEngine('createRunStore', (engine) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await openTestDatabase(engine);
    await t.data.db
      .insertInto('environments')
      .values([
        { id: 'e1', name: 'Sandbox', position: 0, created_at: 'x', updated_at: 'x' },
        { id: 'e2', name: 'Prod', position: 1, created_at: 'x', updated_at: 'x' },
      ])
      .execute();
    await t.data.db
      .insertInto('instances')
      .values([
        { id: 'i-live', label: 'a:1', started_at: 'x', heartbeat_at: 10_000 },
        { id: 'i-dead', label: 'b:2', started_at: 'x', heartbeat_at: 1_000 },
      ])
      .execute();
  });
  afterEach(() => t.drop());

  it('records a run as running, then its end, and lists newest first', async () => {
    const store = createRunStore(t.data);
    await store.start(started('r1', '2026-01-01T00:00:00.000Z'));
    await store.start(started('r2', '2026-01-01T00:01:00.000Z', 'e2', 'c2'));
    expect((await store.get('r1'))?.status).toBe('running');
    await store.finish('r1', { status: 'failed', finishedAt: '2026-01-01T00:00:05.000Z', durationMs: 5000, requests: 5, testsPassed: 9, testsFailed: 1, resultJson: '{"x":1}' });
    expect((await store.get('r1'))).toMatchObject({ status: 'failed', requests: 5, tests_passed: 9, tests_failed: 1, result_json: '{"x":1}' });
    expect((await store.list({ limit: 10 })).map((r) => r.id)).toEqual(['r2', 'r1']);
    expect((await store.list({ environmentId: 'e1', limit: 10 })).map((r) => r.id)).toEqual(['r1']);
    expect((await store.list({ collectionId: 'c2', limit: 10 })).map((r) => r.id)).toEqual(['r2']);
  });

  it('keeps only the last runs, never dropping one in progress', async () => {
    const store = createRunStore(t.data, { keep: 2 });
    await store.start(started('old-running', '2026-01-01T00:00:00.000Z'));
    for (let i = 1; i <= 3; i++) {
      await store.start(started(`r${i}`, `2026-01-01T00:0${i}:00.000Z`));
      await store.finish(`r${i}`, { status: 'passed', finishedAt: 'x', durationMs: 1, requests: 1, testsPassed: 1, testsFailed: 0, resultJson: '{}' });
    }
    await store.start(started('r4', '2026-01-01T00:04:00.000Z'));
    expect((await store.list({ limit: 10 })).map((r) => r.id)).toEqual(['r4', 'r3', 'old-running']);
  });

  it("marks as errors the runs of instances that stopped beating, and only theirs", async () => {
    const store = createRunStore(t.data);
    await store.start(started('live', '2026-01-01T00:00:00.000Z', 'e1', 'c1', 'i-live'));
    await store.start(started('dead', '2026-01-01T00:00:01.000Z', 'e1', 'c1', 'i-dead'));
    await store.start(started('gone', '2026-01-01T00:00:02.000Z', 'e1', 'c1', 'i-never-registered'));
    await t.data.db.insertInto('runs').values({ ...started('legacy', '2026-01-01T00:00:03.000Z'), instance_id: null, status: 'running' }).execute();
    const told: string[] = [];
    t.data.onChange((c) => c && told.push(c.id));
    // Heartbeats before 5000 are stale: i-dead (1000) stopped, i-live (10000) is alive.
    expect((await store.markInterrupted('2026-01-02T00:00:00.000Z', 5_000)).sort()).toEqual(['dead', 'gone', 'legacy']);
    expect(told.sort()).toEqual(['dead', 'gone', 'legacy']);
    expect(await store.get('dead')).toMatchObject({ status: 'error', finished_at: '2026-01-02T00:00:00.000Z' });
    expect(JSON.parse((await store.get('dead'))!.result_json!)).toMatchObject({ error: INTERRUPTED_MESSAGE });
    expect((await store.get('live'))?.status).toBe('running');
    expect(await store.markInterrupted('2026-01-02T00:00:00.000Z', 5_000)).toEqual([]);
  });

  it('takes at most maxRunning places over all instances, even when they start at the same moment', async () => {
    // PostgreSQL: another instance on the same database. SQLite has one process per file.
    const other = createRunStore(engine === 'postgres' ? await t.reopen() : t.data);
    const store = createRunStore(t.data);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? other : store).start(started(`r${i}`, `2026-01-01T00:00:0${i}.000Z`), { maxRunning: 4 })),
    );
    expect(answers.filter((a) => a.started)).toHaveLength(4);
    expect(answers.find((a) => !a.started)).toEqual({ started: false, running: 4 });
    expect((await store.list({ limit: 20 })).filter((r) => r.status === 'running')).toHaveLength(4);
    await store.finish((await store.list({ limit: 1 }))[0]!.id, { status: 'passed', finishedAt: 'x', durationMs: 1, requests: 1, testsPassed: 1, testsFailed: 0, resultJson: '{}' });
    expect((await other.start(started('next', '2026-01-01T00:01:00.000Z'), { maxRunning: 4 })).started).toBe(true);
  });

  it('asks the instance running a run to stop it, with a notice and a flag', async () => {
    const store = createRunStore(t.data);
    await store.start(started('r1', '2026-01-01T00:00:00.000Z'));
    await store.start(started('r2', '2026-01-01T00:00:01.000Z'));
    const told: string[] = [];
    t.data.onChange((c) => c?.channel === RUN_STOP_CHANNEL && told.push(c.id));
    expect(await store.requestStop('r1')).toBe(true);
    expect(told).toEqual(['r1']);
    expect(await store.stopRequested(['r1', 'r2'])).toEqual(['r1']);
    await store.finish('r2', { status: 'passed', finishedAt: 'x', durationMs: 1, requests: 1, testsPassed: 1, testsFailed: 0, resultJson: '{}' });
    expect(await store.requestStop('r2')).toBe(false); // already ended
    expect(await store.requestStop('nope')).toBe(false);
  });

  it('stores events in order and deletes them with their run', async () => {
    const store = createRunStore(t.data, { keep: 1 });
    const events = createRunEventsStore(t.data);
    await store.start(started('r1', '2026-01-01T00:00:00.000Z'));
    await events.append('r1', [1, 2, 3].map((seq) => ({ seq, type: 'console', data: `{"n":${seq}}` })));
    await events.append('r1', [{ seq: 4, type: 'run-finished', data: '{}' }]);
    expect((await events.after('r1', 1, 2)).map((e) => e.seq)).toEqual([2, 3]);
    expect(await events.after('r1', 3, 10)).toEqual([{ seq: 4, type: 'run-finished', data: '{}' }]);
    await store.finish('r1', { status: 'passed', finishedAt: 'x', durationMs: 1, requests: 1, testsPassed: 1, testsFailed: 0, resultJson: '{}' });
    await store.start(started('r2', '2026-01-01T00:01:00.000Z')); // keep 1: r1 goes, its events too
    expect(await events.after('r1', 0, 10)).toEqual([]);
    expect(await t.data.db.selectFrom('run_events').selectAll().execute()).toEqual([]);
  });

  it('drops the runs of a deleted environment', async () => {
    const store = createRunStore(t.data);
    await store.start(started('r1', '2026-01-01T00:00:00.000Z'));
    await t.data.db.deleteFrom('environments').where('id', '=', 'e1').execute();
    expect((await store.get('r1'))).toBeUndefined();
  });
});
