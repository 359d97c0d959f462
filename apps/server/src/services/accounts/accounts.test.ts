import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachEngine, openTestDatabase, type TestDatabase } from '../../testing/engines.ts';
import { SessionStore } from '../auth/session-store.ts';
import { createAccountsService } from './accounts-service.ts';
import { createInvitesService } from './invites.ts';

const scryptCost = { N: 1024, r: 8, p: 1 };

describeEachEngine('accounts and invites', (engine) => {
  let t: TestDatabase;
  let now: number;
  beforeEach(async () => {
    t = await openTestDatabase(engine);
    now = Date.now();
  });
  afterEach(() => t.drop());

  const make = (data = t.data) => {
    const sessions = new SessionStore(data, () => now);
    const accounts = createAccountsService({ data, sessions, scryptCost });
    const invites = createInvitesService({ data, accounts, now: () => now });
    return { sessions, accounts, invites };
  };
  const setUp = async () => {
    const s = make();
    const owner = await s.accounts.createOwner({ email: 'owner@example.com', name: 'Olive', password: 'owner-password-1' });
    return { ...s, owner };
  };

  it('joins by a one-time link with the role the owner chose, and the link works once only', async () => {
    const { accounts, invites, owner } = await setUp();
    const { invite, token } = await invites.create({ email: 'ed@example.com', role: 'editor', expiresInHours: 72 }, owner.id);
    expect(invite).toMatchObject({ email: 'ed@example.com', role: 'editor', state: 'pending', invitedBy: 'Olive' });
    expect(await invites.inspect(token)).toMatchObject({ email: 'ed@example.com', role: 'editor' });
    const { member } = await invites.accept(token, { name: 'Ed', password: 'editor-password-1' });
    expect(member).toMatchObject({ email: 'ed@example.com', name: 'Ed', role: 'editor' });
    expect(await accounts.verify('ed@example.com', 'editor-password-1')).toMatchObject({ id: member.id });
    await expect(invites.inspect(token)).rejects.toMatchObject({ status: 410, message: expect.stringContaining('used already') });
    await expect(invites.accept(token, { name: 'Mallory', password: 'other-password-1' })).rejects.toMatchObject({ status: 410 });
    expect((await invites.list())[0]).toMatchObject({ state: 'used' });
    // Only a hash of the token is stored.
    expect(JSON.stringify(await t.data.db.selectFrom('invites').selectAll().execute())).not.toContain(token);
  });

  it('lets exactly one of two people using one link at the same moment, on two instances, in', async () => {
    const { invites, owner } = await setUp();
    const other = make(await t.reopen());
    const { token } = await invites.create({ email: 'vi@example.com', role: 'viewer', expiresInHours: 1 }, owner.id);
    const results = await Promise.allSettled([
      invites.accept(token, { name: 'Vi', password: 'viewer-password-1' }),
      other.invites.accept(token, { name: 'Vi too', password: 'viewer-password-2' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await other.accounts.list()).map((m) => m.email).sort()).toEqual(['owner@example.com', 'vi@example.com']);
  });

  it('refuses an expired or withdrawn link, and a second invite withdraws the first', async () => {
    const { invites, owner } = await setUp();
    const first = await invites.create({ email: 'late@example.com', role: 'viewer', expiresInHours: 1 }, owner.id);
    now += 3_600_001;
    await expect(invites.accept(first.token, { name: 'Late', password: 'late-password-1' })).rejects.toMatchObject({ status: 410, message: expect.stringContaining('expired') });
    const second = await invites.create({ email: 'late@example.com', role: 'viewer', expiresInHours: 1 }, owner.id);
    const third = await invites.create({ email: 'late@example.com', role: 'editor', expiresInHours: 1 }, owner.id);
    await expect(invites.inspect(second.token)).rejects.toMatchObject({ status: 410, message: expect.stringContaining('withdrawn') });
    await invites.revoke(third.invite.id);
    await expect(invites.accept(third.token, { name: 'Late', password: 'late-password-1' })).rejects.toMatchObject({ status: 410 });
    await expect(invites.inspect('A'.repeat(43))).rejects.toMatchObject({ status: 404 });
    await expect(invites.create({ email: 'owner@example.com', role: 'viewer', expiresInHours: 1 }, owner.id)).rejects.toMatchObject({ status: 409 });
  });

  it('removes a member and their sessions together, on every instance', async () => {
    const { accounts, invites, sessions, owner } = await setUp();
    const other = make(await t.reopen());
    const { token } = await invites.create({ email: 'ed@example.com', role: 'editor', expiresInHours: 1 }, owner.id);
    const { member } = await invites.accept(token, { name: 'Ed', password: 'editor-password-1' });
    const session = await sessions.create({ accountId: member.id });
    expect((await other.sessions.get(session.id))?.role).toBe('editor');
    await accounts.remove(member.id, owner.id);
    expect(await other.sessions.get(session.id)).toBeNull();
    expect(await accounts.verify('ed@example.com', 'editor-password-1')).toBeNull();
  });

  it('always keeps an owner and never lets anyone remove or demote themselves', async () => {
    const { accounts, invites, owner } = await setUp();
    await expect(accounts.remove(owner.id, owner.id)).rejects.toMatchObject({ status: 409 });
    await expect(accounts.changeRole(owner.id, 'editor', owner.id)).rejects.toMatchObject({ status: 409 });
    const { token } = await invites.create({ email: 'co@example.com', role: 'owner', expiresInHours: 1 }, owner.id);
    const { member: co } = await invites.accept(token, { name: 'Co', password: 'co-owner-pass-1' });
    // Two owners removing each other at once: one of them stays. On PostgreSQL through a second
    // pool (another instance); SQLite has one connection per file and process (DATA_DIR is not
    // shared), where a second one in the same process would wait on the first synchronously.
    const other = engine === 'postgres' ? make(await t.reopen()).accounts : accounts;
    const results = await Promise.allSettled([accounts.remove(co.id, owner.id), other.remove(owner.id, co.id)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await accounts.list()).filter((m) => m.role === 'owner')).toHaveLength(1);
  });

  it('changes a password after checking the current one and ends the other sessions', async () => {
    const { accounts, sessions, owner } = await setUp();
    const here = await sessions.create({ accountId: owner.id });
    const elsewhere = await sessions.create({ accountId: owner.id });
    await expect(accounts.changePassword(owner.id, 'wrong-password-1', 'new-password-12', here.id)).rejects.toMatchObject({ status: 400 });
    expect(await accounts.changePassword(owner.id, 'owner-password-1', 'new-password-12', here.id)).toEqual({ endedSessions: 1 });
    expect(await sessions.get(here.id)).not.toBeNull();
    expect(await sessions.get(elsewhere.id)).toBeNull();
    expect(await accounts.verify('owner@example.com', 'owner-password-1')).toBeNull();
    expect(await accounts.verify('owner@example.com', 'new-password-12')).not.toBeNull();
    const stored = JSON.stringify(await t.data.db.selectFrom('accounts').selectAll().execute());
    expect(stored).toMatch(/scrypt\$/);
    expect(stored).not.toContain('new-password-12');
  });
});
