import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabaseFile, type Database } from '../storage/database.ts';
import { createRunStore } from './run-store.ts';

let db: Database;
beforeEach(() => {
  db = openDatabaseFile(':memory:');
  db.prepare("INSERT INTO environments (id, name, created_at, updated_at) VALUES ('e1', 'Sandbox', 'x', 'x'), ('e2', 'Prod', 'x', 'x')").run();
});
afterEach(() => db.close());

const started = (id: string, at: string, env = 'e1', collection = 'c1') => ({
  id,
  environment_id: env,
  collection_id: collection,
  folder_id: null,
  name: 'Orgs',
  started_at: at,
  options_json: '{}',
});

describe('createRunStore', () => {
  it('records a run as running, then its end, and lists newest first', () => {
    const store = createRunStore(db);
    store.start(started('r1', '2026-01-01T00:00:00.000Z'));
    store.start(started('r2', '2026-01-01T00:01:00.000Z', 'e2', 'c2'));
    expect(store.get('r1')?.status).toBe('running');
    store.finish('r1', { status: 'failed', finishedAt: '2026-01-01T00:00:05.000Z', durationMs: 5000, requests: 5, testsPassed: 9, testsFailed: 1, resultJson: '{"x":1}' });
    expect(store.get('r1')).toMatchObject({ status: 'failed', requests: 5, tests_passed: 9, tests_failed: 1, result_json: '{"x":1}' });
    expect(store.list({ limit: 10 }).map((r) => r.id)).toEqual(['r2', 'r1']);
    expect(store.list({ environmentId: 'e1', limit: 10 }).map((r) => r.id)).toEqual(['r1']);
    expect(store.list({ collectionId: 'c2', limit: 10 }).map((r) => r.id)).toEqual(['r2']);
  });

  it('keeps only the last runs, never dropping one in progress', () => {
    const store = createRunStore(db, { keep: 2 });
    store.start(started('old-running', '2026-01-01T00:00:00.000Z'));
    for (let i = 1; i <= 3; i++) {
      store.start(started(`r${i}`, `2026-01-01T00:0${i}:00.000Z`));
      store.finish(`r${i}`, { status: 'passed', finishedAt: 'x', durationMs: 1, requests: 1, testsPassed: 1, testsFailed: 0, resultJson: '{}' });
    }
    store.start(started('r4', '2026-01-01T00:04:00.000Z'));
    expect(store.list({ limit: 10 }).map((r) => r.id)).toEqual(['r4', 'r3', 'old-running']);
  });

  it('marks runs a stopped server left running as errors', () => {
    const store = createRunStore(db);
    store.start(started('r1', '2026-01-01T00:00:00.000Z'));
    expect(store.markInterrupted('2026-01-02T00:00:00.000Z')).toBe(1);
    expect(store.get('r1')).toMatchObject({ status: 'error', finished_at: '2026-01-02T00:00:00.000Z' });
  });

  it('drops the runs of a deleted environment', () => {
    const store = createRunStore(db);
    store.start(started('r1', '2026-01-01T00:00:00.000Z'));
    db.prepare("DELETE FROM environments WHERE id = 'e1'").run();
    expect(store.get('r1')).toBeUndefined();
  });
});
