import { Hono } from 'hono';
import { z } from 'zod';
import { environmentCreateSchema, environmentUpdateSchema } from '@kinde-explorer/core';
import type { AppDeps } from '../deps.ts';
import { validate } from '../validate.ts';

const idParam = z.object({ id: z.string().min(1).max(100) });

/** `/api/environments`: CRUD; secret values are write-only (reads give `value: null, hasValue`). */
export function environmentRoutes(deps: AppDeps) {
  const envs = deps.environments;
  return new Hono()
    .get('/', async (c) => c.json({ environments: await envs.list() }))
    .post('/', validate('json', environmentCreateSchema), async (c) => c.json(await envs.create(c.req.valid('json')), 201))
    .get('/:id', validate('param', idParam), async (c) => c.json(await envs.get(c.req.valid('param').id)))
    .patch('/:id', validate('param', idParam), validate('json', environmentUpdateSchema), async (c) =>
      c.json(await envs.update(c.req.valid('param').id, c.req.valid('json'))),
    )
    .delete('/:id', validate('param', idParam), async (c) => {
      await envs.remove(c.req.valid('param').id);
      return c.body(null, 204);
    });
}
