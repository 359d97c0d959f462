import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
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
export function collectionRoutes(deps: Pick<AppDeps, 'collections'>) {
  const svc = deps.collections;
  return new Hono()
    .get('/environments/:id/collections', validate('param', envParam), async (c) => c.json({ collections: await svc.list(c.req.valid('param').id) }))
    .post('/environments/:id/collections', validate('param', envParam), validate('json', collectionCreateSchema), async (c) =>
      c.json(await svc.create(c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .post('/environments/:id/collections/reorder', validate('param', envParam), validate('json', collectionReorderSchema), async (c) =>
      c.json({ collections: await svc.reorderCollections(c.req.valid('param').id, c.req.valid('json')) }),
    )
    .get('/collections/:id', validate('param', collectionParam), async (c) => c.json(await svc.get(c.req.valid('param').id)))
    .patch('/collections/:id', validate('param', collectionParam), validate('json', collectionUpdateSchema), async (c) =>
      c.json(await svc.update(c.req.valid('param').id, c.req.valid('json'))),
    )
    .delete('/collections/:id', validate('param', collectionParam), async (c) => c.json(await svc.remove(c.req.valid('param').id)))
    .post('/collections/:id/duplicate', validate('param', collectionParam), async (c) => c.json(await svc.duplicate(c.req.valid('param').id), 201))
    .post('/collections/:id/copy', validate('param', collectionParam), validate('json', collectionCopySchema), async (c) => {
      const input = c.req.valid('json');
      return c.json(await svc.copyTo(c.req.valid('param').id, input), input.move ? 200 : 201);
    })
    .post('/collections/:id/reorder', validate('param', collectionParam), validate('json', reorderSchema), async (c) =>
      c.json(await svc.reorder(c.req.valid('param').id, c.req.valid('json'))),
    )
    .post('/collections/:id/folders', validate('param', collectionParam), validate('json', folderCreateSchema), async (c) =>
      c.json(await svc.createFolder(c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .patch('/collections/:id/folders/:folderId', validate('param', folderParam), validate('json', folderUpdateSchema), async (c) => {
      const p = c.req.valid('param');
      return c.json(await svc.updateFolder(p.id, p.folderId, c.req.valid('json')));
    })
    .delete('/collections/:id/folders/:folderId', validate('param', folderParam), async (c) => {
      const p = c.req.valid('param');
      return c.json(await svc.removeFolder(p.id, p.folderId));
    })
    .post('/collections/:id/requests', validate('param', collectionParam), validate('json', requestCreateSchema), async (c) =>
      c.json(await svc.createRequest(c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .get('/collections/:id/requests/:requestId', validate('param', requestParam), async (c) => {
      const p = c.req.valid('param');
      return c.json(await svc.getRequest(p.id, p.requestId));
    })
    .put('/collections/:id/requests/:requestId', validate('param', requestParam), validate('json', requestPutSchema), async (c) => {
      const p = c.req.valid('param');
      return c.json(await svc.putRequest(p.id, p.requestId, c.req.valid('json')));
    })
    .patch('/collections/:id/requests/:requestId', validate('param', requestParam), validate('json', requestPatchSchema), async (c) => {
      const p = c.req.valid('param');
      return c.json(await svc.patchRequest(p.id, p.requestId, c.req.valid('json')));
    })
    .delete('/collections/:id/requests/:requestId', validate('param', requestParam), async (c) => {
      const p = c.req.valid('param');
      return c.json(await svc.removeRequest(p.id, p.requestId));
    })
    .post('/trash/:token/restore', validate('param', tokenParam), async (c) => c.json(await svc.restore(c.req.valid('param').token)));
}
