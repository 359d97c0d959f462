import { join } from 'node:path';
import { hc } from 'hono/client';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import type { AppType } from '../app.ts';
import { createCollectionsService } from '../services/collections/index.ts';
import { describeEachEngine } from '../testing/engines.ts';
import { createTestApp, TEST_ORIGIN, type TestApp } from '../testing/create-test-app.ts';

const CANARY = 'canary-secret-5d8e1f0a9b';
// A JWT-shaped token (header.payload.signature), as a user might paste from elsewhere.
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ0ZXN0LXVzZXIiLCJzY29wZSI6InJlYWQ6dXNlcnMifQ.c2lnbmF0dXJlLWJ5dGVz';

describeEachEngine('collections routes', (engine) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ engine });
  });
  afterEach(() => t.close());

  const call = async (method: string, path: string, json?: unknown) => {
    const res = await t.request(path, { method, ...(json !== undefined ? { json } : {}) });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as any };
  };
  const env = async (name = 'Prod', variables: unknown[] = []) => (await call('POST', '/api/environments', { name, variables })).body.id as string;
  const collection = async (envId: string, name = 'Kinde') => (await call('POST', `/api/environments/${envId}/collections`, { name })).body;
  const folder = async (cid: string, name: string, parentId?: string) => (await call('POST', `/api/collections/${cid}/folders`, { name, parentId })).body;
  const request = async (cid: string, name: string, folderId?: string, extra: Record<string, unknown> = {}) =>
    (await call('POST', `/api/collections/${cid}/requests`, { name, folderId, request: { method: 'GET', url: `{{business_domain}}/api/v1/${name}`, ...extra } })).body;
  /** The tree as nested names, e.g. ['Users', ['list', 'get'], 'ping']. */
  const shape = (items: any[]): unknown[] => items.flatMap((i) => (i.type === 'folder' ? [i.name, shape(i.items)] : [i.name]));
  const tree = async (cid: string) => shape((await call('GET', `/api/collections/${cid}`)).body.items);

  describe('collections API', () => {
    it('creates collections, folders and requests and lists the tree in order', async () => {
      const e = await env();
      const c = await collection(e, '  Kinde  ');
      expect(c).toMatchObject({ name: 'Kinde', environmentId: e, items: [] });
      const users = await folder(c.id, 'Users');
      const admin = await folder(c.id, 'Admin', users.id);
      const list = await request(c.id, 'users', users.id);
      expect(list).toMatchObject({ name: 'users', folderId: users.id, request: { method: 'GET', url: '{{business_domain}}/api/v1/users' } });
      await request(c.id, 'user', users.id);
      await request(c.id, 'roles', admin.id);
      await request(c.id, 'ping');

      const { status, body } = await call('GET', `/api/environments/${e}/collections`);
      expect(status).toBe(200);
      expect(body.collections).toHaveLength(1);
      expect(shape(body.collections[0].items)).toEqual(['Users', ['Admin', ['roles'], 'users', 'user'], 'ping']);
      const summary = body.collections[0].items[0].items[1];
      expect(summary).toMatchObject({ type: 'request', method: 'GET', url: '{{business_domain}}/api/v1/users', updatedAt: expect.any(String) });
      expect(summary.request).toBeUndefined(); // the tree stays light; the full request is one GET away

      const full = await call('GET', `/api/collections/${c.id}/requests/${list.id}`);
      expect(full.body.request.url).toBe('{{business_domain}}/api/v1/users');
    });

    it('renames collections and folders, and saves a request with a fresh updatedAt', async () => {
      const c = await collection(await env());
      const f = await folder(c.id, 'Users');
      expect((await call('PATCH', `/api/collections/${c.id}`, { name: 'Renamed', description: 'd' })).body).toMatchObject({ name: 'Renamed', description: 'd' });
      expect((await call('PATCH', `/api/collections/${c.id}/folders/${f.id}`, { name: 'People' })).body.name).toBe('People');

      const r = await request(c.id, 'users', f.id);
      const saved = await call('PUT', `/api/collections/${c.id}/requests/${r.id}`, {
        name: 'List users',
        request: { method: 'POST', url: '{{business_domain}}/api/v1/user', body: { mode: 'json', json: '{"a":1}' } },
        expectedUpdatedAt: r.updatedAt,
      });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ name: 'List users', folderId: f.id, request: { method: 'POST', body: { mode: 'json', json: '{"a":1}' } } });
      expect(saved.body.updatedAt > r.updatedAt).toBe(true);

      // A second tab still holding the old updatedAt must not silently overwrite the newer save.
      const stale = await call('PUT', `/api/collections/${c.id}/requests/${r.id}`, { name: 'x', request: { method: 'GET', url: '/x' }, expectedUpdatedAt: r.updatedAt });
      expect(stale.status).toBe(409);
      expect(stale.body.error).toMatchObject({ code: 'conflict', details: { updatedAt: saved.body.updatedAt } });
      expect((await call('GET', `/api/collections/${c.id}/requests/${r.id}`)).body.name).toBe('List users');

      const patched = await call('PATCH', `/api/collections/${c.id}/requests/${r.id}`, { name: 'Renamed request' });
      expect(patched.body).toMatchObject({ name: 'Renamed request', request: { method: 'POST' } });
    });

    it('reorders and moves items in one call, and refuses a folder under itself', async () => {
      const c = await collection(await env());
      const a = await folder(c.id, 'A');
      const b = await folder(c.id, 'B', a.id);
      const r1 = await request(c.id, 'r1');
      const r2 = await request(c.id, 'r2');
      expect(await tree(c.id)).toEqual(['A', ['B', []], 'r1', 'r2']);

      const moved = await call('POST', `/api/collections/${c.id}/reorder`, {
        items: [
          { type: 'request', id: r2.id, parentId: null, position: 0 },
          { type: 'request', id: r1.id, parentId: b.id, position: 0 },
        ],
      });
      expect(moved.status).toBe(200);
      expect(shape(moved.body.items)).toEqual(['r2', 'A', ['B', ['r1']]]);
      // Positions are compact after a move, so the next drag computes indexes from what it sees.
      expect(moved.body.items.map((i: any) => i.position)).toEqual([0, 1]);

      const down = await call('POST', `/api/collections/${c.id}/reorder`, { items: [{ type: 'request', id: r2.id, parentId: null, position: 1 }] });
      expect(shape(down.body.items)).toEqual(['A', ['B', ['r1']], 'r2']);

      for (const parentId of [a.id, b.id]) {
        const cycle = await call('POST', `/api/collections/${c.id}/reorder`, { items: [{ type: 'folder', id: a.id, parentId, position: 0 }] });
        expect(cycle.status).toBe(400);
        expect(cycle.body.error.message).toMatch(/“A” cannot be moved into itself or one of its own subfolders/);
      }
      // Swapping parent and child in one call is a cycle too.
      const swap = await call('POST', `/api/collections/${c.id}/reorder`, {
        items: [{ type: 'folder', id: b.id, parentId: null, position: 0 }, { type: 'folder', id: a.id, parentId: b.id, position: 0 }],
      });
      expect(swap.status).toBe(200);
      expect(shape(swap.body.items)).toEqual(['B', ['A', [], 'r1'], 'r2']);
      expect(await tree(c.id)).toEqual(['B', ['A', [], 'r1'], 'r2']);
    });

    it('refuses ids from another collection, with a 400 naming the field, and leaves the tree untouched', async () => {
      const e = await env();
      const c = await collection(e);
      const other = await collection(e, 'Other');
      const foreign = await folder(other.id, 'Foreign');
      const r = await request(c.id, 'r');
      const cases = [
        { items: [{ type: 'request', id: r.id, parentId: foreign.id, position: 0 }] },
        { items: [{ type: 'folder', id: foreign.id, parentId: null, position: 0 }] },
        { items: [{ type: 'request', id: r.id, parentId: null, position: 0 }, { type: 'request', id: r.id, parentId: null, position: 1 }] },
        { items: [{ type: 'folder', id: r.id, parentId: null, position: 0 }] },
      ];
      for (const body of cases) {
        const res = await call('POST', `/api/collections/${c.id}/reorder`, body);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toMatch(/items\.\d\.(id|parentId)/);
      }
      const misplaced = await call('POST', `/api/collections/${c.id}/requests`, { name: 'x', folderId: foreign.id, request: { method: 'GET', url: '/x' } });
      expect(misplaced.status).toBe(400);
      expect(misplaced.body.error.message).toMatch(/folderId: folder .* is not in this collection/);
      expect((await call('POST', `/api/collections/${c.id}/folders`, { name: 'x', parentId: foreign.id })).status).toBe(400);
      expect((await call('GET', `/api/collections/${c.id}/requests/${r.id}`)).status).toBe(200);
      expect((await call('GET', `/api/collections/${other.id}/requests/${r.id}`)).status).toBe(404);
      expect(await tree(c.id)).toEqual(['r']);
    });

    it('shows each environment only its own collections, and copies or moves between them', async () => {
      const prod = await env('Prod');
      const dev = await env('Dev');
      const c = await collection(prod, 'Users API');
      const f = await folder(c.id, 'Users');
      await request(c.id, 'users', f.id);
      await collection(dev, 'Dev only');
      const names = async (e: string) => (await call('GET', `/api/environments/${e}/collections`)).body.collections.map((x: any) => x.name);
      expect(await names(prod)).toEqual(['Users API']);
      expect(await names(dev)).toEqual(['Dev only']);

      const copy = await call('POST', `/api/collections/${c.id}/copy`, { environmentId: dev });
      expect(copy.status).toBe(201);
      expect(copy.body).toMatchObject({ environmentId: dev, name: 'Users API' });
      expect(copy.body.id).not.toBe(c.id);
      expect(shape(copy.body.items)).toEqual(['Users', ['users']]);
      expect(copy.body.items[0].id).not.toBe(f.id);
      expect(await names(dev)).toEqual(['Dev only', 'Users API']);
      expect(await names(prod)).toEqual(['Users API']);

      const moved = await call('POST', `/api/collections/${c.id}/copy`, { environmentId: dev, move: true });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ id: c.id, environmentId: dev });
      expect(await names(prod)).toEqual([]);
      expect(await names(dev)).toEqual(['Dev only', 'Users API', 'Users API']);

      const dup = await call('POST', `/api/collections/${c.id}/duplicate`);
      expect(dup.status).toBe(201);
      expect(dup.body.name).toBe('Users API (copy)');
      expect(shape(dup.body.items)).toEqual(['Users', ['users']]);

      expect((await call('POST', `/api/collections/${c.id}/copy`, { environmentId: 'nope' })).status).toBe(404);
      expect((await call('GET', '/api/environments/nope/collections')).status).toBe(404);
    });

    it('deletes with undo: a collection, a folder with its contents, and a request come back in place', async () => {
      const e = await env();
      const c = await collection(e);
      const f = await folder(c.id, 'Users');
      const sub = await folder(c.id, 'Sub', f.id);
      await request(c.id, 'inner', sub.id);
      const r = await request(c.id, 'r');
      await request(c.id, 'last');

      const delReq = await call('DELETE', `/api/collections/${c.id}/requests/${r.id}`);
      expect(delReq.status).toBe(200);
      expect(delReq.body).toMatchObject({ undoToken: expect.any(String), label: 'request “r”' });
      expect(await tree(c.id)).toEqual(['Users', ['Sub', ['inner']], 'last']);
      const delFolder = await call('DELETE', `/api/collections/${c.id}/folders/${f.id}`);
      expect(await tree(c.id)).toEqual(['last']);

      expect((await call('POST', `/api/trash/${delFolder.body.undoToken}/restore`)).body).toMatchObject({ kind: 'folder', id: f.id });
      expect((await call('POST', `/api/trash/${delReq.body.undoToken}/restore`)).status).toBe(200);
      expect(await tree(c.id)).toEqual(['Users', ['Sub', ['inner']], 'r', 'last']);
      const again = await call('POST', `/api/trash/${delReq.body.undoToken}/restore`);
      expect(again.status).toBe(404);
      expect(again.body.error.message).toMatch(/Nothing to undo/);

      const delColl = await call('DELETE', `/api/collections/${c.id}`);
      expect((await call('GET', `/api/environments/${e}/collections`)).body.collections).toEqual([]);
      expect((await call('GET', `/api/collections/${c.id}`)).status).toBe(404);
      await call('POST', `/api/trash/${delColl.body.undoToken}/restore`);
      expect(await tree(c.id)).toEqual(['Users', ['Sub', ['inner']], 'r', 'last']);
    });

    it('puts a restored request at the top level when its folder is gone, and refuses when its collection is gone', async () => {
      const c = await collection(await env());
      const f = await folder(c.id, 'F');
      const r = await request(c.id, 'r', f.id);
      const delReq = await call('DELETE', `/api/collections/${c.id}/requests/${r.id}`);
      await call('DELETE', `/api/collections/${c.id}/folders/${f.id}`);
      await call('POST', `/api/trash/${delReq.body.undoToken}/restore`);
      expect(await tree(c.id)).toEqual(['r']);

      const r2 = await request(c.id, 'r2');
      const del2 = await call('DELETE', `/api/collections/${c.id}/requests/${r2.id}`);
      await call('DELETE', `/api/collections/${c.id}`);
      const refused = await call('POST', `/api/trash/${del2.body.undoToken}/restore`);
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toMatch(/collection that held request “r2” has been deleted/);
    });

    it('forgets deleted items once the undo window has passed', async () => {
      const e = await env();
      const c = await collection(e);
      const shortLived = createCollectionsService({ data: t.deps.data, environments: t.deps.environments, trashTtlMs: -1 });
      const deleted = await shortLived.remove(c.id);
      const res = await call('POST', `/api/trash/${deleted.undoToken}/restore`);
      expect(res.status).toBe(404);
      expect(res.body.error.message).toMatch(/10 minutes/);
    });

    it('stores no token or secret: a Bearer header goes, secrets become their {{variable}}', async () => {
      const e = await env('Prod', [{ key: 'client_secret', value: CANARY }, { key: 'client_id', value: 'abc' }]);
      const c = await collection(e);
      const saved = await call('POST', `/api/collections/${c.id}/requests`, {
        name: 'token',
        request: {
          method: 'POST',
          url: `{{business_domain}}/oauth2/token?client_secret=${encodeURIComponent(CANARY)}`,
          headers: [{ key: 'Authorization', value: `Bearer ${JWT}` }, { key: 'X-Trace', value: JWT }, { key: 'Authorization', value: 'Bearer {{my_token}}' }],
          body: { mode: 'json', json: JSON.stringify({ client_secret: CANARY, note: `a "${CANARY}" b` }) },
          auth: 'none',
        },
      });
      expect(saved.status).toBe(201);
      const text = JSON.stringify(saved.body);
      expect(text).not.toContain(CANARY);
      expect(text).not.toContain(JWT);
      expect(saved.body.request.url).toBe('{{business_domain}}/oauth2/token?client_secret={{client_secret}}');
      expect(JSON.parse(saved.body.request.body.json)).toEqual({ client_secret: '{{client_secret}}', note: 'a "{{client_secret}}" b' });
      expect(saved.body.request.headers).toEqual([{ key: 'X-Trace', value: '[redacted]' }, { key: 'Authorization', value: 'Bearer {{my_token}}' }]);
      expect(saved.body.request.auth).toBe('kinde-m2m');
      expect(saved.body.notices).toEqual(expect.arrayContaining([expect.stringMatching(/Bearer header was not saved/), expect.stringMatching(/replaced by \{\{client_secret\}\}/)]));

      await call('PUT', `/api/collections/${c.id}/requests/${saved.body.id}`, { name: 'again', request: { method: 'GET', url: `/x?k=${CANARY}` } });
      await call('PATCH', `/api/collections/${c.id}`, { variables: [{ key: 'v', value: CANARY }] });
      const bytes = await t.storedBytes();
      expect(bytes.includes('{{client_secret}}')).toBe(true); // the search works
      expect(bytes.includes(CANARY)).toBe(false);
      expect(bytes.includes(JWT)).toBe(false);
    });

    it('answers malformed input with a 400, and unknown ids with a 404, never a 500', async () => {
      const e = await env();
      const c = await collection(e);
      const bad: [string, string, unknown][] = [
        ['POST', `/api/environments/${e}/collections`, { name: '   ' }],
        ['POST', `/api/environments/${e}/collections`, { name: 'x'.repeat(201) }],
        ['POST', `/api/collections/${c.id}/requests`, { name: 'x', request: { method: 'FETCH', url: '/x' } }],
        ['POST', `/api/collections/${c.id}/requests`, { name: 'x', request: { method: 'GET', url: '' } }],
        ['POST', `/api/collections/${c.id}/reorder`, { items: [] }],
        ['POST', `/api/collections/${c.id}/reorder`, { items: [{ type: 'file', id: 'x', parentId: null, position: -1 }] }],
        ['POST', `/api/collections/${c.id}/copy`, {}],
        ['PATCH', `/api/collections/${c.id}`, [1]],
      ];
      for (const [method, path, json] of bad) {
        const res = await call(method, path, json);
        expect(res.status, `${method} ${path} ${JSON.stringify(json)}`).toBe(400);
        expect(res.body.error.code).toBe('validation_failed');
      }
      const malformed = await t.request(`/api/collections/${c.id}/folders`, { method: 'POST', body: '{"name":', headers: { 'content-type': 'application/json' } });
      expect(malformed.status).toBe(400);
      for (const path of [`/api/collections/nope`, `/api/collections/${c.id}/requests/nope`, `/api/trash/nope/restore`]) {
        const res = await call(path.endsWith('restore') ? 'POST' : 'GET', path);
        expect(res.status).toBe(404);
      }
      expect((await call('PATCH', `/api/collections/${c.id}/folders/nope`, { name: 'x' })).status).toBe(404);
    });

    it('reorders the collections of an environment', async () => {
      const e = await env();
      for (const name of ['A', 'B', 'C']) await collection(e, name);
      const ids = (await call('GET', `/api/environments/${e}/collections`)).body.collections.map((c: any) => c.id);
      const res = await call('POST', `/api/environments/${e}/collections/reorder`, { items: [{ id: ids[2], position: 0 }] });
      expect(res.body.collections.map((c: any) => c.name)).toEqual(['C', 'A', 'B']);
      const down = await call('POST', `/api/environments/${e}/collections/reorder`, { items: [{ id: ids[2], position: 2 }] });
      expect(down.body.collections.map((c: any) => c.name)).toEqual(['A', 'B', 'C']);
      const foreign = await collection(await env('Other'), 'X');
      const bad = await call('POST', `/api/environments/${e}/collections/reorder`, { items: [{ id: foreign.id, position: 0 }] });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/items\.0\.id: collection .* is not in this environment/);
    });

    it('is reachable through the typed hc client the web app uses', async () => {
      const client = hc<AppType>(TEST_ORIGIN, { fetch: (input: string | URL | Request, init?: RequestInit) => t.app.request(input, init) });
      const e = await env();
      const created = await client.api.environments[':id'].collections.$post({ param: { id: e }, json: { name: 'Typed' } });
      expect(created.status).toBe(201);
      const list = await (await client.api.environments[':id'].collections.$get({ param: { id: e } })).json();
      expectTypeOf(list.collections[0]!.name).toEqualTypeOf<string>();
      expect(list.collections.map((c) => c.name)).toEqual(['Typed']);
      expectTypeOf(client.api.collections[':id'].requests[':requestId'].$put).toBeFunction();
      expectTypeOf(client.api.trash[':token'].restore.$post).toBeFunction();
      expectTypeOf(client.api.environments[':id'].history.$get).toBeFunction();
      expectTypeOf(client.api.environments[':id'].import.$post).toBeFunction();
      expectTypeOf(client.api.collections[':id'].export.$get).toBeFunction();
    });

    it('deletes an environment’s collections with it', async () => {
      const e = await env();
      const c = await collection(e);
      await request(c.id, 'r');
      await call('DELETE', `/api/environments/${e}`);
      expect((await call('GET', `/api/collections/${c.id}`)).status).toBe(404);
      expect(await t.deps.data.db.selectFrom('requests').selectAll().execute()).toEqual([]);
    });
  });
});
