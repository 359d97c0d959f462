import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { startSandbox } from '@kinde-explorer/kinde-mock';
import { createTestApp } from '../testing/create-test-app.ts';
import { describeEachEngine } from '../testing/engines.ts';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
const scryptCost = { N: 1024, r: 8, p: 1 };
const OWNER = { email: 'owner@example.com', password: 'owner-password-1' };
const CLIENT_ID = 'accounts_test_client';
const CLIENT_SECRET = 'canary-client-secret-7d41';

let sandbox: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, rateLimit: null });
});
afterAll(() => sandbox.close());

describeEachEngine('named accounts and the audit log, through the API', (engine) => {
  let t: TestApp;
  afterEach(() => t.close());

  const start = async () => {
    t = await createTestApp({ engine, env: { EXPLORER_OWNER_EMAIL: OWNER.email, EXPLORER_OWNER_PASSWORD: OWNER.password }, auth: { scryptCost } });
    return signIn(OWNER.email, OWNER.password);
  };
  const cookieOf = (res: Response) => res.headers.get('set-cookie')!.split(';')[0]!;
  const signIn = async (email: string, password: string) => {
    const res = await t.request('/api/auth/sign-in', { method: 'POST', json: { email, password } });
    expect(res.status).toBe(200);
    return cookieOf(res);
  };
  const as = (cookie: string) => (path: string, init: RequestInit & { json?: unknown } = {}) =>
    t.request(path, { ...init, headers: { ...(init.headers as Record<string, string>), cookie } });
  /** The owner invites `email` as `role`; the new member joins and is signed in. */
  const join = async (owner: string, email: string, role: 'viewer' | 'editor' | 'owner') => {
    const invite = await as(owner)('/api/members/invites', { method: 'POST', json: { email, role } });
    expect(invite.status).toBe(201);
    const { token } = (await invite.json()) as { token: string };
    const res = await t.request('/api/auth/invite/accept', { method: 'POST', json: { token, name: email.split('@')[0], password: `${role}-password-1` } });
    expect(res.status).toBe(201);
    return { cookie: cookieOf(res), token };
  };

  it('gives each role its rights: viewers send but change nothing, editors change but manage nobody', async () => {
    const owner = await start();
    const editor = (await join(owner, 'ed@example.com', 'editor')).cookie;
    const viewer = (await join(owner, 'vi@example.com', 'viewer')).cookie;
    const env = { name: 'Sandbox', variables: [{ key: 'business_domain', value: sandbox.url }] };
    expect((await as(viewer)('/api/environments', { method: 'POST', json: env })).status).toBe(403);
    expect((await as(viewer)('/api/members')).status).toBe(403);
    expect((await as(editor)('/api/members')).status).toBe(403);
    expect((await as(editor)('/api/audit')).status).toBe(403);
    expect((await as(editor)('/api/environments', { method: 'POST', json: env })).status).toBe(201);
    expect((await as(owner)('/api/environments', { method: 'POST', json: env })).status).toBe(201);
    const me = await (await as(viewer)('/api/auth/me')).json();
    expect(me).toMatchObject({ role: 'viewer', account: { email: 'vi@example.com' } });
  });

  it('lets a viewer run a saved collection and stop a run, but not have a run write variables to the environment', async () => {
    const owner = await start();
    const editor = (await join(owner, 'ed@example.com', 'editor')).cookie;
    const viewer = (await join(owner, 'vi@example.com', 'viewer')).cookie;
    const created = await as(editor)('/api/environments', {
      method: 'POST',
      json: { name: 'Sandbox', variables: [{ key: 'business_domain', value: sandbox.url }, { key: 'client_id', value: CLIENT_ID }, { key: 'client_secret', value: CLIENT_SECRET, secret: true }] },
    });
    const environmentId = ((await created.json()) as { id: string }).id;
    const collection = await as(editor)(`/api/environments/${environmentId}/collections`, { method: 'POST', json: { name: 'Smoke' } });
    const collectionId = ((await collection.json()) as { id: string }).id;
    await as(editor)(`/api/collections/${collectionId}/requests`, { method: 'POST', json: { name: 'Users', request: { method: 'GET', url: '{{business_domain}}/api/v1/users', scripts: { test: 'pm.environment.set("seen", "yes")' } } } });

    const refused = await as(viewer)('/api/runs', { method: 'POST', json: { environmentId, collectionId, persistVariables: true } });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/cannot save variables to the environment/);
    const started = await as(viewer)('/api/runs', { method: 'POST', json: { environmentId, collectionId, delayMs: 60_000, iterations: 2 } });
    expect(started.status).toBe(201);
    const { id } = (await started.json()) as { id: string };
    expect((await as(viewer)(`/api/runs/${id}/stop`, { method: 'POST' })).status).toBe(202);
    await expect.poll(async () => ((await (await as(viewer)(`/api/runs/${id}`)).json()) as { status: string }).status).toBe('stopped');
    const env = (await (await as(editor)(`/api/environments/${environmentId}`)).json()) as { variables: { key: string }[] };
    expect(env.variables.map((v) => v.key)).not.toContain('seen');
  });

  it('records who changed which collection and saved which request, by name only (canary)', async () => {
    const owner = await start();
    const editor = (await join(owner, 'ed@example.com', 'editor')).cookie;
    const created = await as(editor)('/api/environments', { method: 'POST', json: { name: 'Sandbox', variables: [{ key: 'business_domain', value: sandbox.url }] } });
    const environmentId = ((await created.json()) as { id: string }).id;
    const collection = await as(editor)(`/api/environments/${environmentId}/collections`, { method: 'POST', json: { name: 'Smoke' } });
    const collectionId = ((await collection.json()) as { id: string }).id;
    const template = { method: 'POST', url: '{{business_domain}}/api/v1/user?email=canary-url-19ab%40example.com', body: { mode: 'json', json: '{"given_name":"canary-body-77c1"}' } };
    const saved = await as(editor)(`/api/collections/${collectionId}/requests`, { method: 'POST', json: { name: 'Add user', request: template } });
    expect(saved.status).toBe(201);
    const requestId = ((await saved.json()) as { id: string }).id;
    expect((await as(editor)(`/api/collections/${collectionId}/requests/${requestId}`, { method: 'PUT', json: { name: 'Add a user', request: template } })).status).toBe(200);
    expect((await as(editor)(`/api/collections/${collectionId}`, { method: 'PATCH', json: { name: 'Smoke tests' } })).status).toBe(200);
    expect((await as(editor)(`/api/collections/${collectionId}/requests/${requestId}`, { method: 'DELETE' })).status).toBe(200);
    const deleted = await as(editor)(`/api/collections/${collectionId}`, { method: 'DELETE' });
    const { undoToken } = (await deleted.json()) as { undoToken: string };
    expect((await as(editor)(`/api/trash/${undoToken}/restore`, { method: 'POST' })).status).toBe(200);

    const res = await as(owner)('/api/audit?limit=500');
    const text = await res.text();
    const { events } = JSON.parse(text) as { events: { action: string; actor: { email: string | null }; environment: { id: string } | null; target: string | null; detail: Record<string, unknown> }[] };
    const lines = events.map((e) => `${e.actor.email} ${e.action} ${e.target}`).reverse();
    expect(lines.filter((l) => /collection\.|request\./.test(l))).toEqual([
      'ed@example.com collection.created Smoke',
      'ed@example.com request.saved Smoke / Add user',
      'ed@example.com request.saved Smoke / Add a user',
      'ed@example.com collection.updated Smoke tests',
      'ed@example.com request.deleted Smoke tests / Add a user',
      'ed@example.com collection.deleted Smoke tests',
      'ed@example.com collection.restored Smoke tests',
    ]);
    expect(events.find((e) => e.action === 'request.saved')).toMatchObject({ environment: { id: environmentId }, detail: { method: 'POST', created: false } });
    expect(events.find((e) => e.action === 'collection.updated')!.detail).toEqual({ renamedFrom: 'Smoke' });
    expect(text).not.toMatch(/canary-url|canary-body/);
  });

  it('ends a removed member’s session at their next request, and their invite link cannot bring them back', async () => {
    const owner = await start();
    const { cookie: editor, token } = await join(owner, 'ed@example.com', 'editor');
    expect((await as(editor)('/api/environments')).status).toBe(200);
    const { members } = (await (await as(owner)('/api/members')).json()) as { members: { id: string; email: string }[] };
    const id = members.find((m) => m.email === 'ed@example.com')!.id;
    expect((await as(owner)(`/api/members/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await as(editor)('/api/environments')).status).toBe(401);
    const again = await t.request('/api/auth/invite/accept', { method: 'POST', json: { token, name: 'Ed', password: 'editor-password-2' } });
    expect(again.status).toBe(410);
  });

  it('changes a password (other sessions end) and signs out everywhere', async () => {
    const owner = await start();
    const { cookie: here } = await join(owner, 'ed@example.com', 'editor');
    const there = await signIn('ed@example.com', 'editor-password-1');
    const change = await as(here)('/api/auth/password', { method: 'POST', json: { currentPassword: 'editor-password-1', newPassword: 'editor-password-2' } });
    expect(await change.json()).toEqual({ endedSessions: 1 });
    expect((await as(there)('/api/environments')).status).toBe(401);
    expect((await as(here)('/api/environments')).status).toBe(200);
    const again = await signIn('ed@example.com', 'editor-password-2');
    expect(await (await as(here)('/api/auth/sign-out-everywhere', { method: 'POST' })).json()).toEqual({ endedSessions: 2 });
    expect((await as(again)('/api/environments')).status).toBe(401);
  });

  it('records who did what, and never a secret value, a token, a body or a query string (canary)', async () => {
    const owner = await start();
    const editor = (await join(owner, 'ed@example.com', 'editor')).cookie;
    const viewer = (await join(owner, 'vi@example.com', 'viewer')).cookie;
    expect((await t.request('/api/auth/sign-in', { method: 'POST', json: { email: 'vi@example.com', password: 'canary-wrong-password' } })).status).toBe(401);
    const created = await as(editor)('/api/environments', {
      method: 'POST',
      json: {
        name: 'Sandbox',
        variables: [
          { key: 'business_domain', value: sandbox.url },
          { key: 'client_id', value: CLIENT_ID },
          { key: 'client_secret', value: CLIENT_SECRET, secret: true },
          { key: 'api_note', value: 'canary-plain-value-31c2' },
        ],
      },
    });
    const envId = ((await created.json()) as { id: string }).id;
    await as(editor)(`/api/environments/${envId}`, {
      method: 'PATCH',
      json: { variables: [{ key: 'business_domain', value: sandbox.url }, { key: 'client_id', value: CLIENT_ID }, { key: 'client_secret', value: null, secret: true }, { key: 'extra', value: 'canary-secret-88aa', secret: true }] },
    });
    const sent = await as(viewer)('/api/send', {
      method: 'POST',
      json: { environmentId: envId, request: { method: 'POST', url: '{{business_domain}}/api/v1/user?email=canary-query%40example.com', body: { mode: 'json', json: '{"given_name":"canary-body-5b"}' } } },
    });
    expect(sent.status).toBe(200);
    const sentBody = (await sent.json()) as { status: number; body: string };
    const share = await as(editor)('/api/shares', { method: 'POST', json: { title: 'Users list', request: { method: 'GET', url: '{{business_domain}}/api/v1/users' }, response: { status: 200, headers: [], body: '{}' }, environmentId: envId } });
    expect(share.status).toBe(201);
    const { id: shareId } = (await share.json()) as { id: string };
    expect((await as(editor)(`/api/shares/${shareId}`, { method: 'DELETE' })).status).toBe(204);

    const res = await as(owner)('/api/audit?limit=500');
    expect(res.status).toBe(200);
    const { events } = (await res.json()) as { events: { action: string; outcome: string; actor: { email: string | null }; target: string | null; detail: Record<string, unknown> }[] };
    const line = (e: (typeof events)[number]) => `${e.actor.email ?? '-'} ${e.action} ${e.outcome} ${e.target ?? ''}`;
    const lines = events.map(line);
    expect(lines).toContain('vi@example.com send success POST /api/v1/user');
    expect(lines).toContain('- auth.sign_in failure vi@example.com');
    expect(lines).toContain('ed@example.com environment.created success Sandbox');
    expect(lines).toContain('owner@example.com member.invited success vi@example.com');
    expect(lines).toContain('vi@example.com member.joined success vi@example.com');
    expect(events.find((e) => e.action === 'send')!.detail).toMatchObject({ status: sentBody.status });
    expect(events.find((e) => e.action === 'environment.updated')!.detail).toMatchObject({ secretsChanged: ['extra'], added: ['extra'], removed: ['api_note'] });
    expect(lines).toContain('ed@example.com share.revoked success Users list');

    const exported = await (await as(owner)('/api/audit/export')).text();
    const stored = JSON.stringify(await t.deps.data.db.selectFrom('audit_events').selectAll().execute());
    for (const text of [exported, stored]) {
      for (const canary of [CLIENT_SECRET, 'canary-secret-88aa', 'canary-plain-value-31c2', 'canary-body-5b', 'canary-query', 'canary-wrong-password', 'editor-password-1', OWNER.password]) {
        expect(text).not.toContain(canary);
      }
      expect(text).not.toMatch(/eyJ[\w-]{10,}\./); // no JWT (the M2M token)
      expect(text).not.toContain(shareId); // a share id is a read capability
    }
    expect(exported.trim().split('\n').length).toBe(events.length);
  });
});
