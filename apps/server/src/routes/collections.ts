import { Hono } from 'hono';
import { z } from 'zod';
import type { Context } from 'hono';
import type { AppDeps } from '../deps.ts';
import { audit } from '../middleware/audit-context.ts';
import type { AuditAction, AuditDetail } from '../services/audit/index.ts';
import {
  collectionCopySchema,
  collectionReorderSchema,
  collectionCreateSchema,
  collectionUpdateSchema,
  folderCreateSchema,
  folderUpdateSchema,
  idSchema,
  reorderSchema,
  requestCreateSchema,
  requestPatchSchema,
  requestPutSchema,
} from '../services/collections/index.ts';
import { validate } from '../validate.ts';

const envParam = z.object({ id: idSchema });
const collectionParam = z.object({ id: idSchema });
const folderParam = z.object({ id: idSchema, folderId: idSchema });
const requestParam = z.object({ id: idSchema, requestId: idSchema });
const tokenParam = z.object({ token: z.string().min(1).max(100) });

/**
 * Collections per environment (mounted at `/api`): `/environments/:id/collections`,
 * `/collections/:id/...` for the collection, its folders, requests and order, and
 * `/trash/:token/restore` to undo a delete. Every write is one transaction, answered after commit.
 */
export function collectionRoutes(deps: Pick<AppDeps, 'collections' | 'audit'>) {
  const svc = deps.collections;
  /** Records a change to a collection (or its folders and requests) in the audit log, by name: never a request's content. */
  const record = async (c: Context, action: AuditAction, collectionId: string, what: string | null, detail?: AuditDetail) => {
    const row = await svc.context.requireCollection(svc.context.db, collectionId);
    audit(c, deps.audit, { action, environment: { id: row.environment_id }, target: what === null ? row.name : `${row.name} / ${what}`, ...(detail ? { detail } : {}) });
  };
  return new Hono()
    .get('/environments/:id/collections', validate('param', envParam), async (c) => c.json({ collections: await svc.list(c.req.valid('param').id) }))
    .post('/environments/:id/collections', validate('param', envParam), validate('json', collectionCreateSchema), async (c) => {
      const created = await svc.create(c.req.valid('param').id, c.req.valid('json'));
      await record(c, 'collection.created', created.id, null);
      return c.json(created, 201);
    })
    .post('/environments/:id/collections/reorder', validate('param', envParam), validate('json', collectionReorderSchema), async (c) =>
      c.json({ collections: await svc.reorderCollections(c.req.valid('param').id, c.req.valid('json')) }),
    )
    .get('/collections/:id', validate('param', collectionParam), async (c) => c.json(await svc.get(c.req.valid('param').id)))
    .patch('/collections/:id', validate('param', collectionParam), validate('json', collectionUpdateSchema), async (c) => {
      const { id } = c.req.valid('param');
      const before = await svc.context.requireCollection(svc.context.db, id);
      const updated = await svc.update(id, c.req.valid('json'));
      await record(c, 'collection.updated', id, null, updated.name !== before.name ? { renamedFrom: before.name } : {});
      return c.json(updated);
    })
    .delete('/collections/:id', validate('param', collectionParam), async (c) => {
      const { id } = c.req.valid('param');
      const row = await svc.context.requireCollection(svc.context.db, id);
      const deleted = await svc.remove(id);
      audit(c, deps.audit, { action: 'collection.deleted', environment: { id: row.environment_id }, target: row.name });
      return c.json(deleted);
    })
    .post('/collections/:id/duplicate', validate('param', collectionParam), async (c) => {
      const source = await svc.context.requireCollection(svc.context.db, c.req.valid('param').id);
      const copy = await svc.duplicate(source.id);
      await record(c, 'collection.created', copy.id, null, { copiedFrom: source.name });
      return c.json(copy, 201);
    })
    .post('/collections/:id/copy', validate('param', collectionParam), validate('json', collectionCopySchema), async (c) => {
      const input = c.req.valid('json');
      const source = await svc.context.requireCollection(svc.context.db, c.req.valid('param').id);
      const result = await svc.copyTo(source.id, input);
      // A move keeps the collection and changes its environment; a copy is a new collection.
      await record(c, input.move ? 'collection.updated' : 'collection.created', result.id, null, input.move ? { movedFromEnvironment: source.environment_id } : { copiedFrom: source.name });
      return c.json(result, input.move ? 200 : 201);
    })
    .post('/collections/:id/reorder', validate('param', collectionParam), validate('json', reorderSchema), async (c) =>
      c.json(await svc.reorder(c.req.valid('param').id, c.req.valid('json'))),
    )
    .post('/collections/:id/folders', validate('param', collectionParam), validate('json', folderCreateSchema), async (c) => {
      const folder = await svc.createFolder(c.req.valid('param').id, c.req.valid('json'));
      await record(c, 'collection.updated', folder.collectionId, null, { folderAdded: folder.name });
      return c.json(folder, 201);
    })
    .patch('/collections/:id/folders/:folderId', validate('param', folderParam), validate('json', folderUpdateSchema), async (c) => {
      const p = c.req.valid('param');
      const folder = await svc.updateFolder(p.id, p.folderId, c.req.valid('json'));
      await record(c, 'collection.updated', p.id, null, { folderChanged: folder.name });
      return c.json(folder);
    })
    .delete('/collections/:id/folders/:folderId', validate('param', folderParam), async (c) => {
      const p = c.req.valid('param');
      const folder = await svc.context.requireFolder(svc.context.db, p.id, p.folderId);
      const deleted = await svc.removeFolder(p.id, p.folderId);
      await record(c, 'collection.updated', p.id, null, { folderDeleted: folder.name });
      return c.json(deleted);
    })
    .post('/collections/:id/requests', validate('param', collectionParam), validate('json', requestCreateSchema), async (c) => {
      const saved = await svc.createRequest(c.req.valid('param').id, c.req.valid('json'));
      await record(c, 'request.saved', saved.collectionId, saved.name, { method: saved.request.method, created: true });
      return c.json(saved, 201);
    })
    .get('/collections/:id/requests/:requestId', validate('param', requestParam), async (c) => {
      const p = c.req.valid('param');
      return c.json(await svc.getRequest(p.id, p.requestId));
    })
    .put('/collections/:id/requests/:requestId', validate('param', requestParam), validate('json', requestPutSchema), async (c) => {
      const p = c.req.valid('param');
      const saved = await svc.putRequest(p.id, p.requestId, c.req.valid('json'));
      await record(c, 'request.saved', saved.collectionId, saved.name, { method: saved.request.method, created: false });
      return c.json(saved);
    })
    .patch('/collections/:id/requests/:requestId', validate('param', requestParam), validate('json', requestPatchSchema), async (c) => {
      const p = c.req.valid('param');
      const saved = await svc.patchRequest(p.id, p.requestId, c.req.valid('json'));
      await record(c, 'request.saved', saved.collectionId, saved.name, { method: saved.request.method, created: false });
      return c.json(saved);
    })
    .delete('/collections/:id/requests/:requestId', validate('param', requestParam), async (c) => {
      const p = c.req.valid('param');
      const request = await svc.context.requireRequest(svc.context.db, p.id, p.requestId);
      const deleted = await svc.removeRequest(p.id, p.requestId);
      await record(c, 'request.deleted', p.id, request.name);
      return c.json(deleted);
    })
    .post('/trash/:token/restore', validate('param', tokenParam), async (c) => {
      const restored = await svc.restore(c.req.valid('param').token);
      await record(c, restored.kind === 'collection' ? 'collection.restored' : 'collection.updated', restored.collectionId, null, { restored: restored.kind });
      return c.json(restored);
    });
}
