import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachEngine, openTestDatabase, type TestDatabase } from '../../testing/engines.ts';
import { SecretRegistry } from '../vault/secret-registry.ts';
import { createAuthService, type AuthOptions } from './auth-service.ts';

const scryptCost = { N: 1024, r: 8, p: 1 };

describeEachEngine('auth service', (engine) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await openTestDatabase(engine);
  });
  afterEach(() => t.drop());

  const make = (editorPassword?: string, viewerPassword?: string, secrets = new SecretRegistry(), more: Partial<AuthOptions> = {}) =>
    createAuthService({ data: t.data, editorPassword, viewerPassword, secrets, scryptCost, ...more });
  /** Starts accounts mode and returns the set-up code it printed. */
  const withSetupCode = async (more: Partial<AuthOptions> = {}, editorPassword?: string) => {
    const auth = await make(editorPassword, undefined, new SecretRegistry(), more);
    return { auth, code: auth.setupCode! };
  };
  const owner = { email: 'owner@example.com', name: 'Olive Owner', password: 'owner-password-1' };

  it('is off without an editor password', async () => {
    expect((await make()).enabled).toBe(false);
    expect((await make(undefined, 'viewer-password')).enabled).toBe(false);
  });

  it('signs in editors and viewers by password and refuses anything else', async () => {
    const auth = await make('editor-password', 'viewer-password');
    const editor = await auth.signIn({ password: 'editor-password' }, 'ip');
    const viewer = await auth.signIn({ password: 'viewer-password' }, 'ip');
    expect(editor.ok && editor.session.role).toBe('editor');
    expect(viewer.ok && viewer.session.role).toBe('viewer');
    expect(await auth.signIn({ password: 'Editor-password' }, 'ip')).toEqual({ ok: false, reason: 'wrong_password' });
    if (editor.ok) expect((await auth.session(editor.sessionId))?.role).toBe('editor');
    expect(await auth.session(undefined)).toBeNull();
  });

  it('stores only a salted scrypt hash and registers the passwords for log scrubbing', async () => {
    const secrets = new SecretRegistry();
    await make('editor-password', 'viewer-password', secrets);
    const meta = JSON.stringify(await t.data.db.selectFrom('meta').selectAll().where('key', 'like', 'auth.%').execute());
    expect(meta).toMatch(/scrypt\$/);
    expect(meta).not.toContain('editor-password');
    expect(secrets.scrub('pw=editor-password viewer-password')).toBe('pw=[REDACTED] [REDACTED]');
  });

  it('rate-limits guesses per client: the sixth within a minute is refused, even when right', async () => {
    const auth = await make('editor-password');
    for (let i = 0; i < 5; i++) expect((await auth.signIn({ password: `guess-${i}` }, '10.0.0.9')).ok).toBe(false);
    const sixth = await auth.signIn({ password: 'editor-password' }, '10.0.0.9');
    expect(sixth).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect((await auth.signIn({ password: 'editor-password' }, '10.0.0.10')).ok).toBe(true);
  });

  it('counts guesses sent in parallel before hashing, so a burst cannot slip past the limit', async () => {
    const auth = await make('editor-password');
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => auth.signIn({ password: `guess-${i}` }, 'burst')));
    expect(results.filter((r) => !r.ok && r.reason === 'wrong_password')).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.reason === 'rate_limited')).toHaveLength(15);
  });

  it('ends the sessions of a role whose password changed or was removed, at the next start', async () => {
    const first = await make('editor-password', 'viewer-password');
    const e = await first.signIn({ password: 'editor-password' }, 'ip');
    const v = await first.signIn({ password: 'viewer-password' }, 'ip');
    if (!e.ok || !v.ok) throw new Error('sign-in failed');

    const same = await make('editor-password', 'viewer-password');
    expect((await same.session(e.sessionId))?.role).toBe('editor');
    expect((await same.session(v.sessionId))?.role).toBe('viewer');

    const changed = await make('new-editor-password', 'viewer-password');
    expect(await changed.session(e.sessionId)).toBeNull();
    expect((await changed.session(v.sessionId))?.role).toBe('viewer');
    expect((await changed.signIn({ password: 'editor-password' }, 'ip2')).ok).toBe(false);

    const noViewer = await make('new-editor-password');
    expect(await noViewer.session(v.sessionId)).toBeNull();
    expect((await noViewer.signIn({ password: 'viewer-password' }, 'ip3')).ok).toBe(false);
  });

  it('signs out', async () => {
    const auth = await make('editor-password');
    const r = await auth.signIn({ password: 'editor-password' }, 'ip');
    if (!r.ok) throw new Error('sign-in failed');
    await auth.signOut(r.sessionId);
    expect(await auth.session(r.sessionId)).toBeNull();
  });

  it('creates the first owner in the browser only with the set-up code, once', async () => {
    const { auth, code } = await withSetupCode({ accounts: true });
    expect(auth.enabled).toBe(true);
    expect(await auth.mode()).toEqual({ mode: 'accounts', needsOwner: true });
    await expect(auth.setupOwner({ ...owner, setupCode: 'guessed-code' }, 'ip')).rejects.toMatchObject({ status: 403, code: 'forbidden' });
    const made = await auth.setupOwner({ ...owner, setupCode: code }, 'ip');
    expect(made.session).toMatchObject({ role: 'owner', account: { email: owner.email, name: owner.name } });
    expect(await auth.mode()).toEqual({ mode: 'accounts', needsOwner: false });
    expect(auth.setupCode).toBeNull();
    await expect(auth.setupOwner({ ...owner, email: 'second@example.com', setupCode: code }, 'ip')).rejects.toMatchObject({ status: 409 });
    // The code is spent for every instance.
    expect(await t.data.db.selectFrom('meta').select('key').where('key', 'like', 'auth.setup_code.%').execute()).toEqual([]);
  });

  it('lets only one of two simultaneous set-ups (on two instances) create the owner', async () => {
    const a = await withSetupCode({ accounts: true });
    const other = await createAuthService({ data: await t.reopen(), editorPassword: undefined, viewerPassword: undefined, secrets: new SecretRegistry(), scryptCost, accounts: true });
    const results = await Promise.allSettled([
      a.auth.setupOwner({ ...owner, setupCode: a.code }, 'ip1'),
      other.setupOwner({ ...owner, email: 'rival@example.com', setupCode: a.code }, 'ip2'),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await a.auth.accounts.list()).toHaveLength(1);
  });

  it('takes the owner from the environment, signs people in by email, and ignores the shared passwords from then on', async () => {
    const secrets = new SecretRegistry();
    const auth = await make('editor-password', undefined, secrets, { owner: { email: owner.email, password: owner.password } });
    expect(await auth.mode()).toEqual({ mode: 'accounts', needsOwner: false });
    expect(secrets.scrub(owner.password)).toBe('[REDACTED]');
    const ok = await auth.signIn({ email: owner.email, password: owner.password }, 'ip');
    expect(ok.ok && ok.session).toMatchObject({ role: 'owner', account: { email: owner.email, name: 'owner' } });
    expect(await auth.signIn({ email: owner.email, password: 'owner-password-2' }, 'ip')).toEqual({ ok: false, reason: 'wrong_password' });
    expect(await auth.signIn({ email: 'nobody@example.com', password: owner.password }, 'ip')).toEqual({ ok: false, reason: 'wrong_password' });
    expect(await auth.signIn({ password: 'editor-password' }, 'ip')).toEqual({ ok: false, reason: 'email_required' });
  });

  it('moves from the shared passwords to accounts: the editor password is a set-up code, and shared sessions end', async () => {
    const { auth } = await withSetupCode({}, 'editor-password');
    expect(await auth.mode()).toEqual({ mode: 'password', needsOwner: true });
    const shared = await auth.signIn({ password: 'editor-password' }, 'ip');
    if (!shared.ok) throw new Error('sign-in failed');
    await auth.setupOwner({ ...owner, setupCode: 'editor-password' }, 'ip');
    expect(await auth.session(shared.sessionId)).toBeNull();
    expect(await auth.signIn({ password: 'editor-password' }, 'ip')).toEqual({ ok: false, reason: 'email_required' });
    // Restarted with the old variable still set: accounts stay in charge.
    const restarted = await make('editor-password');
    expect(await restarted.mode()).toEqual({ mode: 'accounts', needsOwner: false });
  });
});
