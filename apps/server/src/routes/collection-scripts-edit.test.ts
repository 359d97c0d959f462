import { afterAll, beforeAll, expect, it } from 'vitest';
import { SCRIPT_MAX_CHARS } from '@kinde-explorer/core';
import { createTestApp, type TestApp } from '../testing/create-test-app.ts';
import { describeEachEngine } from '../testing/engines.ts';

const SECRET = 'edit-scripts-secret-58c1e2';
const scryptCost = { N: 1024, r: 8, p: 1 };

describeEachEngine('editing the scripts of collections and folders', (engine) => {
  let t: TestApp;
  let envId: string;
  beforeAll(async () => {
    t = await createTestApp({ engine });
    envId = await t.createEnvironment('Scripts', [
      { key: 'business_domain', value: 'https://scripts.kinde.com' },
      { key: 'client_secret', value: SECRET, secret: true },
    ]);
  });
  afterAll(() => t.close());

  const json = async (res: Response | Promise<Response>) => {
    const r = await res;
    return { status: r.status, body: (await r.json()) as any };
  };
  const patch = (path: string, body: unknown) => json(t.request(path, { method: 'PATCH', json: body }));
  /** A collection with one folder holding one request. */
  const collectionWithFolder = async () => {
    const c = await json(t.request(`/api/environments/${envId}/collections`, { method: 'POST', json: { name: 'Orgs' } }));
    const f = await json(t.request(`/api/collections/${c.body.id}/folders`, { method: 'POST', json: { name: 'Read' } }));
    await t.request(`/api/collections/${c.body.id}/requests`, {
      method: 'POST',
      json: { name: 'List', folderId: f.body.id, request: { method: 'GET', url: '{{business_domain}}/api/v1/organizations' } },
    });
    return { collectionId: c.body.id as string, folderId: f.body.id as string, folderUpdatedAt: f.body.updatedAt as string };
  };

  it('stores a collection’s and a folder’s scripts, shows them in every view and exports them', async () => {
    const { collectionId, folderId } = await collectionWithFolder();
    const created = await json(t.request(`/api/collections/${collectionId}`));
    expect(created.body.scripts).toBeNull();
    expect(created.body.items[0].scripts).toBeNull();

    const c = await patch(`/api/collections/${collectionId}`, { scripts: { preRequest: 'pm.variables.set("a", "1");', test: '' } });
    expect(c.status).toBe(200);
    // A blank script is no script.
    expect(c.body.scripts).toEqual({ preRequest: 'pm.variables.set("a", "1");' });
    const f = await patch(`/api/collections/${collectionId}/folders/${folderId}`, { scripts: { test: 'pm.test("folder ok", () => {});' } });
    expect(f.status).toBe(200);
    expect(f.body).toMatchObject({ id: folderId, name: 'Read', scripts: { test: 'pm.test("folder ok", () => {});' } });

    const one = await json(t.request(`/api/collections/${collectionId}`));
    expect(one.body.scripts).toEqual({ preRequest: 'pm.variables.set("a", "1");' });
    expect(one.body.items[0]).toMatchObject({ type: 'folder', scripts: { test: 'pm.test("folder ok", () => {});' } });
    const list = await json(t.request(`/api/environments/${envId}/collections`));
    const listed = list.body.collections.find((x: any) => x.id === collectionId);
    expect(listed.items[0].scripts).toEqual({ test: 'pm.test("folder ok", () => {});' });
    const exported = await json(t.request(`/api/collections/${collectionId}/export`));
    expect(JSON.stringify(exported.body.event)).toContain('pm.variables.set');
    expect(JSON.stringify(exported.body.item[0].event)).toContain('folder ok');

    // Other fields leave the scripts alone; null removes them.
    expect((await patch(`/api/collections/${collectionId}/folders/${folderId}`, { name: 'Read all' })).body.scripts).toEqual({ test: 'pm.test("folder ok", () => {});' });
    expect((await patch(`/api/collections/${collectionId}`, { name: 'Orgs 2' })).body.scripts).toEqual({ preRequest: 'pm.variables.set("a", "1");' });
    expect((await patch(`/api/collections/${collectionId}/folders/${folderId}`, { scripts: null })).body.scripts).toBeNull();
    expect((await patch(`/api/collections/${collectionId}`, { scripts: { preRequest: '  ', test: '\n' } })).body.scripts).toBeNull();
  });

  it('refuses a script over the size limit or an unknown field, and keeps what was stored', async () => {
    const { collectionId, folderId } = await collectionWithFolder();
    await patch(`/api/collections/${collectionId}/folders/${folderId}`, { scripts: { test: 'pm.test("kept", () => {});' } });
    const big = await patch(`/api/collections/${collectionId}/folders/${folderId}`, { scripts: { test: 'x'.repeat(SCRIPT_MAX_CHARS + 1) } });
    expect(big.status).toBe(400);
    expect(big.body.error.code).toBe('validation_failed');
    expect(big.body.error.message).toContain('scripts.test');
    const typo = await patch(`/api/collections/${collectionId}`, { scripts: { prerequest: 'x' } });
    expect(typo.status).toBe(400);
    const folder = (await json(t.request(`/api/collections/${collectionId}`))).body.items[0];
    expect(folder.scripts).toEqual({ test: 'pm.test("kept", () => {});' });
  });

  it('stores a secret value typed into a script as its {{variable}}, and says so', async () => {
    const { collectionId, folderId } = await collectionWithFolder();
    const c = await patch(`/api/collections/${collectionId}`, { scripts: { preRequest: `const s = "${SECRET}";` } });
    expect(c.body.scripts).toEqual({ preRequest: 'const s = "{{client_secret}}";' });
    expect(c.body.notices).toEqual(['A secret value was replaced by {{client_secret}}. (in a script)']);
    const f = await patch(`/api/collections/${collectionId}/folders/${folderId}`, { scripts: { test: `// ${SECRET}` } });
    expect(f.body.scripts).toEqual({ test: '// {{client_secret}}' });
    expect(f.body.notices).toHaveLength(1);
    expect((await t.storedBytes()).includes(SECRET)).toBe(false);
  });

  it('answers 409 to a save based on an older version, changing nothing', async () => {
    const { collectionId, folderId, folderUpdatedAt } = await collectionWithFolder();
    const first = await patch(`/api/collections/${collectionId}/folders/${folderId}`, { scripts: { test: '// first' }, expectedUpdatedAt: folderUpdatedAt });
    expect(first.status).toBe(200);
    const stale = await patch(`/api/collections/${collectionId}/folders/${folderId}`, { scripts: { test: '// second' }, expectedUpdatedAt: folderUpdatedAt });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'conflict', details: { updatedAt: first.body.updatedAt } });
    expect(stale.body.error.message).toContain('Folder “Read”');
    // The tree carries what the dialog needs to send.
    const tree = (await json(t.request(`/api/collections/${collectionId}`))).body;
    expect(tree.items[0].updatedAt).toBe(first.body.updatedAt);
    const fresh = await patch(`/api/collections/${collectionId}/folders/${folderId}`, { scripts: { test: '// second' }, expectedUpdatedAt: first.body.updatedAt });
    expect(fresh.body.scripts).toEqual({ test: '// second' });

    const c = (await json(t.request(`/api/collections/${collectionId}`))).body;
    const ok = await patch(`/api/collections/${collectionId}`, { scripts: { test: '// c' }, expectedUpdatedAt: c.updatedAt });
    expect(ok.status).toBe(200);
    const staleCollection = await patch(`/api/collections/${collectionId}`, { scripts: { test: '// lost?' }, expectedUpdatedAt: c.updatedAt });
    expect(staleCollection.status).toBe(409);
    expect((await json(t.request(`/api/collections/${collectionId}`))).body.scripts).toEqual({ test: '// c' });
  });

  it('keeps edited scripts through delete and undo, and in a duplicate', async () => {
    const { collectionId, folderId } = await collectionWithFolder();
    await patch(`/api/collections/${collectionId}`, { scripts: { preRequest: '// collection' } });
    await patch(`/api/collections/${collectionId}/folders/${folderId}`, { scripts: { test: '// folder' } });

    const copy = await json(t.request(`/api/collections/${collectionId}/duplicate`, { method: 'POST' }));
    expect(copy.body.scripts).toEqual({ preRequest: '// collection' });
    expect(copy.body.items[0].scripts).toEqual({ test: '// folder' });

    const deletedFolder = await json(t.request(`/api/collections/${collectionId}/folders/${folderId}`, { method: 'DELETE' }));
    await t.request(`/api/trash/${deletedFolder.body.undoToken}/restore`, { method: 'POST' });
    expect((await json(t.request(`/api/collections/${collectionId}`))).body.items[0].scripts).toEqual({ test: '// folder' });

    const deleted = await json(t.request(`/api/collections/${collectionId}`, { method: 'DELETE' }));
    await t.request(`/api/trash/${deleted.body.undoToken}/restore`, { method: 'POST' });
    const back = (await json(t.request(`/api/collections/${collectionId}`))).body;
    expect(back.scripts).toEqual({ preRequest: '// collection' });
    expect(back.items[0].scripts).toEqual({ test: '// folder' });
  });
});

describeEachEngine('scripts of collections and folders, by role', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ engine, env: { EXPLORER_OWNER_EMAIL: 'owner@example.com', EXPLORER_OWNER_PASSWORD: 'owner-password-1' }, auth: { scryptCost } });
  });
  afterAll(() => t.close());

  const cookieOf = (res: Response) => res.headers.get('set-cookie')!.split(';')[0]!;
  const as = (cookie: string) => (path: string, init: RequestInit & { json?: unknown } = {}) =>
    t.request(path, { ...init, headers: { ...(init.headers as Record<string, string>), cookie } });
  const join = async (owner: string, email: string, role: 'viewer' | 'editor') => {
    const { token } = (await (await as(owner)('/api/members/invites', { method: 'POST', json: { email, role } })).json()) as { token: string };
    return cookieOf(await t.request('/api/auth/invite/accept', { method: 'POST', json: { token, name: role, password: `${role}-password-1` } }));
  };

  it('lets editors change them and viewers only read them', async () => {
    const owner = cookieOf(await t.request('/api/auth/sign-in', { method: 'POST', json: { email: 'owner@example.com', password: 'owner-password-1' } }));
    const editor = await join(owner, 'ed@example.com', 'editor');
    const viewer = await join(owner, 'vi@example.com', 'viewer');
    const env = (await (await as(editor)('/api/environments', { method: 'POST', json: { name: 'E', variables: [{ key: 'business_domain', value: 'https://e.kinde.com' }] } })).json()) as { id: string };
    const c = (await (await as(editor)(`/api/environments/${env.id}/collections`, { method: 'POST', json: { name: 'C' } })).json()) as { id: string };
    const f = (await (await as(editor)(`/api/collections/${c.id}/folders`, { method: 'POST', json: { name: 'F' } })).json()) as { id: string };

    expect((await as(editor)(`/api/collections/${c.id}`, { method: 'PATCH', json: { scripts: { test: '// by editor' } } })).status).toBe(200);
    expect((await as(editor)(`/api/collections/${c.id}/folders/${f.id}`, { method: 'PATCH', json: { scripts: { test: '// folder' } } })).status).toBe(200);
    expect((await as(viewer)(`/api/collections/${c.id}`, { method: 'PATCH', json: { scripts: { test: '// by viewer' } } })).status).toBe(403);
    expect((await as(viewer)(`/api/collections/${c.id}/folders/${f.id}`, { method: 'PATCH', json: { scripts: null } })).status).toBe(403);

    const seen = (await (await as(viewer)(`/api/collections/${c.id}`)).json()) as any;
    expect(seen.scripts).toEqual({ test: '// by editor' });
    expect(seen.items[0].scripts).toEqual({ test: '// folder' });
  });
});
