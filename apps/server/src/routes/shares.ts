import { Hono } from 'hono';
import type { AppDeps } from '../deps.ts';
import { shareCreateSchema, shareIdParam, shareSnippetInputSchema } from '../services/shares/index.ts';
import { validate } from '../validate.ts';

/**
 * `/api/shares`: read-only snapshots of a request and its response at `/share/<id>`, for a
 * teammate on the same server. Secrets, tokens, JWTs and credential headers are removed before
 * anything is stored; a revoked link answers 410.
 */
export function shareRoutes(deps: Pick<AppDeps, 'shares'>) {
  const shares = deps.shares;
  return new Hono()
    .get('/', async (c) => c.json({ shares: await shares.list() }))
    .post('/', validate('json', shareCreateSchema), async (c) => c.json(await shares.create(c.req.valid('json')), 201))
    .get('/:id', validate('param', shareIdParam), async (c) => c.json(await shares.get(c.req.valid('param').id)))
    .delete('/:id', validate('param', shareIdParam), async (c) => {
      await shares.revoke(c.req.valid('param').id);
      return c.body(null, 204);
    })
    .post('/:id/snippet', validate('param', shareIdParam), validate('json', shareSnippetInputSchema), async (c) => {
      const input = c.req.valid('json');
      return c.json(await shares.snippet(c.req.valid('param').id, input.target, input.tokenStyle ?? 'placeholder'));
    });
}
