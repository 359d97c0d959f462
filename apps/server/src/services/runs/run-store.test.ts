import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachEngine, openTestDatabase, type TestDatabase } from '../../testing/engines.ts';
import { createRunStore } from './run-store.ts';

const started = (id: string, at: string, env = 'e1', collection = 'c1') => ({
  id,
  environment_id: env,
  collection_id: collection,
  folder_id: null,
  name: 'Orgs',
  started_at: at,
  options_json: '{}',
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

  it('marks runs a stopped server left running as errors', async () => {
    const store = createRunStore(t.data);
    await store.start(started('r1', '2026-01-01T00:00:00.000Z'));
    expect(await store.markInterrupted('2026-01-02T00:00:00.000Z')).toBe(1);
    expect((await store.get('r1'))).toMatchObject({ status: 'error', finished_at: '2026-01-02T00:00:00.000Z' });
  });

  it('drops the runs of a deleted environment', async () => {
    const store = createRunStore(t.data);
    await store.start(started('r1', '2026-01-01T00:00:00.000Z'));
    await t.data.db.deleteFrom('environments').where('id', '=', 'e1').execute();
    expect((await store.get('r1'))).toBeUndefined();
  });
});
