import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
import { historyQuerySchema } from '../services/history/index.ts';
import { validate } from '../validate.ts';

const idParam = z.object({ id: z.string().min(1).max(100) });

/**
 * History of sends per environment (mounted at `/api`). Entries never hold a secret or token;
 * response bodies are kept up to a cap. The relay feeds it through `relay.onSent`.
 */
export function historyRoutes(deps: Pick<AppDeps, 'history'>) {
  const history = deps.history;
  return new Hono()
    .get('/environments/:id/history', validate('param', idParam), validate('query', historyQuerySchema), async (c) =>
      c.json(await history.list(c.req.valid('param').id, c.req.valid('query'))),
    )
    .delete('/environments/:id/history', validate('param', idParam), async (c) => c.json(await history.clear(c.req.valid('param').id)))
    .get('/history/:id', validate('param', idParam), async (c) => c.json(await history.get(c.req.valid('param').id)));
}
