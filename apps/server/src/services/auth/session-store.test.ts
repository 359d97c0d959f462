import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachEngine, openTestDatabase, type TestDatabase } from '../../testing/engines.ts';
import { SESSION_IDLE_MS, SESSION_MAX_MS, SessionStore } from './session-store.ts';

describeEachEngine('SessionStore', (engine) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await openTestDatabase(engine);
  });
  afterEach(() => t.drop());

  it('issues a random 256-bit id and keeps only its hash', async () => {
    const store = new SessionStore(t.data);
    const a = await store.create({ role: 'editor' });
    const b = await store.create({ role: 'viewer' });
    expect(Buffer.from(a.id, 'base64url')).toHaveLength(32);
    expect(a.id).not.toBe(b.id);
    const rows = JSON.stringify(await t.data.db.selectFrom('sessions').selectAll().execute());
    expect(rows).not.toContain(a.id);
    expect((await store.get(a.id))?.role).toBe('editor');
    expect((await store.get(b.id))?.role).toBe('viewer');
    expect(await store.get('x'.repeat(43))).toBeNull();
    expect(await store.get('not a session id')).toBeNull();
  });

  it('ends a session after the idle time, slides it while used, and caps it at the maximum age', async () => {
    let now = 1_700_000_000_000; // epoch milliseconds need more than 32 bits on both engines
    const store = new SessionStore(t.data, () => now);
    const idle = await store.create({ role: 'editor' });
    now += SESSION_IDLE_MS + 1;
    expect(await store.get(idle.id)).toBeNull();

    const busy = await store.create({ role: 'editor' });
    const start = now;
    // Used every hour: never idles out, but the maximum age still ends it.
    while (now - start < SESSION_MAX_MS - 3_600_000) {
      now += 3_600_000;
      expect(await store.get(busy.id)).toMatchObject({ role: 'editor', expiresAt: expect.any(Number) });
    }
    now = start + SESSION_MAX_MS + 1;
    expect(await store.get(busy.id)).toBeNull();
  });

  it('signs out one session, or every session of a role', async () => {
    const store = new SessionStore(t.data);
    const a = await store.create({ role: 'editor' });
    const b = await store.create({ role: 'viewer' });
    const c = await store.create({ role: 'viewer' });
    await store.delete(a.id);
    expect(await store.get(a.id)).toBeNull();
    expect(await store.deleteRole('viewer')).toBe(2);
    expect(await store.get(b.id)).toBeNull();
    expect(await store.get(c.id)).toBeNull();
  });

  it('is shared by every instance on the database', async () => {
    const other = new SessionStore(await t.reopen());
    const { id } = await new SessionStore(t.data).create({ role: 'viewer' });
    expect((await other.get(id))?.role).toBe('viewer');
  });

  it('reads an account session with its account: a changed role applies at once, a removed account ends it', async () => {
    const at = new Date().toISOString();
    await t.data.db
      .insertInto('accounts')
      .values({ id: 'a1', email: 'ann@example.com', name: 'Ann', role: 'editor', password_hash: 'x', created_at: at, password_changed_at: at })
      .execute();
    const store = new SessionStore(t.data);
    const one = await store.create({ accountId: 'a1' });
    const two = await store.create({ accountId: 'a1' });
    expect(await store.get(one.id)).toMatchObject({ role: 'editor', account: { id: 'a1', email: 'ann@example.com', name: 'Ann' } });
    await t.data.db.updateTable('accounts').set({ role: 'viewer' }).where('id', '=', 'a1').execute();
    expect((await store.get(one.id))?.role).toBe('viewer');
    expect(await store.deleteAccount('a1', two.id)).toBe(1);
    expect(await store.get(one.id)).toBeNull();
    expect((await store.get(two.id))?.role).toBe('viewer');
    await t.data.db.deleteFrom('accounts').where('id', '=', 'a1').execute();
    expect(await store.get(two.id)).toBeNull();
  });
});
