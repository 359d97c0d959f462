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
    .get('/environments/:id/collections', validate('param', envParam), (c) => c.json({ collections: svc.list(c.req.valid('param').id) }))
    .post('/environments/:id/collections', validate('param', envParam), validate('json', collectionCreateSchema), (c) =>
      c.json(svc.create(c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .post('/environments/:id/collections/reorder', validate('param', envParam), validate('json', collectionReorderSchema), (c) =>
      c.json({ collections: svc.reorderCollections(c.req.valid('param').id, c.req.valid('json')) }),
    )
    .get('/collections/:id', validate('param', collectionParam), (c) => c.json(svc.get(c.req.valid('param').id)))
    .patch('/collections/:id', validate('param', collectionParam), validate('json', collectionUpdateSchema), (c) =>
      c.json(svc.update(c.req.valid('param').id, c.req.valid('json'))),
    )
    .delete('/collections/:id', validate('param', collectionParam), (c) => c.json(svc.remove(c.req.valid('param').id)))
    .post('/collections/:id/duplicate', validate('param', collectionParam), (c) => c.json(svc.duplicate(c.req.valid('param').id), 201))
    .post('/collections/:id/copy', validate('param', collectionParam), validate('json', collectionCopySchema), (c) => {
      const input = c.req.valid('json');
      return c.json(svc.copyTo(c.req.valid('param').id, input), input.move ? 200 : 201);
    })
    .post('/collections/:id/reorder', validate('param', collectionParam), validate('json', reorderSchema), (c) =>
      c.json(svc.reorder(c.req.valid('param').id, c.req.valid('json'))),
    )
    .post('/collections/:id/folders', validate('param', collectionParam), validate('json', folderCreateSchema), (c) =>
      c.json(svc.createFolder(c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .patch('/collections/:id/folders/:folderId', validate('param', folderParam), validate('json', folderUpdateSchema), (c) => {
      const p = c.req.valid('param');
      return c.json(svc.updateFolder(p.id, p.folderId, c.req.valid('json')));
    })
    .delete('/collections/:id/folders/:folderId', validate('param', folderParam), (c) => {
      const p = c.req.valid('param');
      return c.json(svc.removeFolder(p.id, p.folderId));
    })
    .post('/collections/:id/requests', validate('param', collectionParam), validate('json', requestCreateSchema), (c) =>
      c.json(svc.createRequest(c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .get('/collections/:id/requests/:requestId', validate('param', requestParam), (c) => {
      const p = c.req.valid('param');
      return c.json(svc.getRequest(p.id, p.requestId));
    })
    .put('/collections/:id/requests/:requestId', validate('param', requestParam), validate('json', requestPutSchema), (c) => {
      const p = c.req.valid('param');
      return c.json(svc.putRequest(p.id, p.requestId, c.req.valid('json')));
    })
    .patch('/collections/:id/requests/:requestId', validate('param', requestParam), validate('json', requestPatchSchema), (c) => {
      const p = c.req.valid('param');
      return c.json(svc.patchRequest(p.id, p.requestId, c.req.valid('json')));
    })
    .delete('/collections/:id/requests/:requestId', validate('param', requestParam), (c) => {
      const p = c.req.valid('param');
      return c.json(svc.removeRequest(p.id, p.requestId));
    })
    .post('/trash/:token/restore', validate('param', tokenParam), (c) => c.json(svc.restore(c.req.valid('param').token)));
}
