import { afterEach, describe, expect, it } from 'vitest';
import { openDatabaseFile, type Database } from '../storage/database.ts';
import { SESSION_IDLE_MS, SESSION_MAX_MS, SessionStore } from './session-store.ts';

let db: Database;
afterEach(() => db?.close());

describe('SessionStore', () => {
  it('issues a random 256-bit id and keeps only its hash', () => {
    db = openDatabaseFile(':memory:');
    const store = new SessionStore(db);
    const a = store.create('editor');
    const b = store.create('viewer');
    expect(Buffer.from(a.id, 'base64url')).toHaveLength(32);
    expect(a.id).not.toBe(b.id);
    const rows = JSON.stringify(db.prepare('SELECT * FROM sessions').all());
    expect(rows).not.toContain(a.id);
    expect(store.get(a.id)?.role).toBe('editor');
    expect(store.get(b.id)?.role).toBe('viewer');
    expect(store.get('x'.repeat(43))).toBeNull();
    expect(store.get('not a session id')).toBeNull();
  });

  it('ends a session after the idle time, slides it while used, and caps it at the maximum age', () => {
    db = openDatabaseFile(':memory:');
    let now = 0;
    const store = new SessionStore(db, () => now);
    const idle = store.create('editor');
    now = SESSION_IDLE_MS + 1;
    expect(store.get(idle.id)).toBeNull();

    const busy = store.create('editor');
    const start = now;
    // Used every hour: never idles out, but the maximum age still ends it.
    while (now - start < SESSION_MAX_MS - 3_600_000) {
      now += 3_600_000;
      expect(store.get(busy.id)).not.toBeNull();
    }
    now = start + SESSION_MAX_MS + 1;
    expect(store.get(busy.id)).toBeNull();
  });

  it('signs out one session, or every session of a role', () => {
    db = openDatabaseFile(':memory:');
    const store = new SessionStore(db);
    const a = store.create('editor');
    const b = store.create('viewer');
    const c = store.create('viewer');
    store.delete(a.id);
    expect(store.get(a.id)).toBeNull();
    expect(store.deleteRole('viewer')).toBe(2);
    expect(store.get(b.id)).toBeNull();
    expect(store.get(c.id)).toBeNull();
  });
});
