import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachEngine, openTestDatabase, type TestDatabase } from '../../testing/engines.ts';
import { SecretRegistry } from '../vault/secret-registry.ts';
import { createAuthService } from './auth-service.ts';

const scryptCost = { N: 1024, r: 8, p: 1 };

describeEachEngine('auth service', (engine) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await openTestDatabase(engine);
  });
  afterEach(() => t.drop());

  const make = (editorPassword?: string, viewerPassword?: string, secrets = new SecretRegistry()) =>
    createAuthService({ data: t.data, editorPassword, viewerPassword, secrets, scryptCost });

  it('is off without an editor password', async () => {
    expect((await make()).enabled).toBe(false);
    expect((await make(undefined, 'viewer-password')).enabled).toBe(false);
  });

  it('signs in editors and viewers by password and refuses anything else', async () => {
    const auth = await make('editor-password', 'viewer-password');
    const editor = await auth.signIn('editor-password', 'ip');
    const viewer = await auth.signIn('viewer-password', 'ip');
    expect(editor.ok && editor.role).toBe('editor');
    expect(viewer.ok && viewer.role).toBe('viewer');
    expect(await auth.signIn('Editor-password', 'ip')).toEqual({ ok: false, reason: 'wrong_password' });
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
    for (let i = 0; i < 5; i++) expect((await auth.signIn(`guess-${i}`, '10.0.0.9')).ok).toBe(false);
    const sixth = await auth.signIn('editor-password', '10.0.0.9');
    expect(sixth).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect((await auth.signIn('editor-password', '10.0.0.10')).ok).toBe(true);
  });

  it('counts guesses sent in parallel before hashing, so a burst cannot slip past the limit', async () => {
    const auth = await make('editor-password');
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => auth.signIn(`guess-${i}`, 'burst')));
    expect(results.filter((r) => !r.ok && r.reason === 'wrong_password')).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.reason === 'rate_limited')).toHaveLength(15);
  });

  it('ends the sessions of a role whose password changed or was removed, at the next start', async () => {
    const first = await make('editor-password', 'viewer-password');
    const e = await first.signIn('editor-password', 'ip');
    const v = await first.signIn('viewer-password', 'ip');
    if (!e.ok || !v.ok) throw new Error('sign-in failed');

    const same = await make('editor-password', 'viewer-password');
    expect((await same.session(e.sessionId))?.role).toBe('editor');
    expect((await same.session(v.sessionId))?.role).toBe('viewer');

    const changed = await make('new-editor-password', 'viewer-password');
    expect(await changed.session(e.sessionId)).toBeNull();
    expect((await changed.session(v.sessionId))?.role).toBe('viewer');
    expect((await changed.signIn('editor-password', 'ip2')).ok).toBe(false);

    const noViewer = await make('new-editor-password');
    expect(await noViewer.session(v.sessionId)).toBeNull();
    expect((await noViewer.signIn('viewer-password', 'ip3')).ok).toBe(false);
  });

  it('signs out', async () => {
    const auth = await make('editor-password');
    const r = await auth.signIn('editor-password', 'ip');
    if (!r.ok) throw new Error('sign-in failed');
    await auth.signOut(r.sessionId);
    expect(await auth.session(r.sessionId)).toBeNull();
  });
});
