import { Hono } from 'hono';
import type { AppDeps } from '../deps.ts';
import { audit } from '../middleware/audit-context.ts';
import { shareCreateSchema, shareIdParam, shareSnippetInputSchema } from '../services/shares/index.ts';
import { validate } from '../validate.ts';

/**
 * `/api/shares`: read-only snapshots of a request and its response at `/share/<id>`, for a
 * teammate on the same server. Secrets, tokens, JWTs and credential headers are removed before
 * anything is stored; a revoked link answers 410.
 */
export function shareRoutes(deps: Pick<AppDeps, 'shares' | 'audit'>) {
  const shares = deps.shares;
  return new Hono()
    .get('/', async (c) => c.json({ shares: await shares.list() }))
    .post('/', validate('json', shareCreateSchema), async (c) => {
      const created = await shares.create(c.req.valid('json'));
      // Named by its title: the id is a read capability and stays out of the log.
      const { title, method } = await shares.get(created.id);
      audit(c, deps.audit, { action: 'share.created', target: title, detail: { method } });
      return c.json(created, 201);
    })
    .get('/:id', validate('param', shareIdParam), async (c) => c.json(await shares.get(c.req.valid('param').id)))
    .delete('/:id', validate('param', shareIdParam), async (c) => {
      const id = c.req.valid('param').id;
      const { title } = await shares.get(id);
      await shares.revoke(id);
      audit(c, deps.audit, { action: 'share.revoked', target: title });
      return c.body(null, 204);
    })
    .post('/:id/snippet', validate('param', shareIdParam), validate('json', shareSnippetInputSchema), async (c) => {
      const input = c.req.valid('json');
      return c.json(await shares.snippet(c.req.valid('param').id, input.target, input.tokenStyle ?? 'placeholder'));
    });
}
