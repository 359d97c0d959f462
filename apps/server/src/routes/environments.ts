import { Hono } from 'hono';
import { z } from 'zod';
import { environmentCreateSchema, environmentUpdateSchema } from '@kinde-explorer/core';
import type { AppDeps } from '../deps.ts';
import { audit } from '../middleware/audit-context.ts';
import { environmentChanges, environmentCreated } from '../services/audit/environment-changes.ts';
import { validate } from '../validate.ts';

const idParam = z.object({ id: z.string().min(1).max(100) });

/** `/api/environments`: CRUD; secret values are write-only (reads give `value: null, hasValue`). */
export function environmentRoutes(deps: AppDeps) {
  const envs = deps.environments;
  return new Hono()
    .get('/', async (c) => c.json({ environments: await envs.list() }))
    .post('/', validate('json', environmentCreateSchema), async (c) => {
      const input = c.req.valid('json');
      const env = await envs.create(input);
      audit(c, deps.audit, { action: 'environment.created', environment: { id: env.id, name: env.name }, target: env.name, detail: environmentCreated(input.variables) });
      return c.json(env, 201);
    })
    .get('/:id', validate('param', idParam), async (c) => c.json(await envs.get(c.req.valid('param').id)))
    .patch('/:id', validate('param', idParam), validate('json', environmentUpdateSchema), async (c) => {
      const id = c.req.valid('param').id;
      const update = c.req.valid('json');
      // Read first, so the audit log can name which keys changed (never their values).
      const before = await envs.get(id);
      const env = await envs.update(id, update);
      audit(c, deps.audit, { action: 'environment.updated', environment: { id, name: env.name }, target: env.name, detail: environmentChanges(before, update) });
      return c.json(env);
    })
    .delete('/:id', validate('param', idParam), async (c) => {
      const id = c.req.valid('param').id;
      const { name } = await envs.get(id);
      await envs.remove(id);
      audit(c, deps.audit, { action: 'environment.deleted', environment: { id, name }, target: name });
      return c.body(null, 204);
    });
}
