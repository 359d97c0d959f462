import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
import { apiError } from '../errors.ts';
import { credentialsFor } from '../services/token/credentials.ts';
import type { TokenLease } from '../services/token/token-cache.ts';
import { validate } from '../validate.ts';

const idParam = z.object({ id: z.string().min(1).max(100) });

/** What the browser may see of a token: its decoded claims and expiry, never the token itself. */
export function tokenView(lease: TokenLease, now = Date.now()) {
  const { claims, scopes, expiresAt } = lease.token;
  return {
    claims,
    scopes,
    expiresAt: new Date(expiresAt).toISOString(),
    expiresIn: Math.max(0, Math.floor((expiresAt - now) / 1000)),
    cached: lease.cached,
  };
}

/**
 * `POST /api/environments/:id/token` gets (or reuses) the environment's M2M token and shows its
 * claims; `DELETE` forgets it so the next call exchanges afresh.
 */
export function tokenRoutes(deps: Pick<AppDeps, 'environments' | 'tokens'>) {
  return new Hono()
    .post('/:id/token', validate('param', idParam), async (c) => {
      const env = await deps.environments.getResolved(c.req.valid('param').id);
      const signal = c.req.raw.signal;
      try {
        const lease = await deps.tokens.get(env.id, credentialsFor(env), signal);
        return c.json(tokenView(lease), 200);
      } catch (err) {
        if (signal.aborted) throw apiError(499 as ContentfulStatusCode, 'cancelled', 'The request was cancelled.');
        throw err;
      }
    })
    .delete('/:id/token', validate('param', idParam), async (c) => {
      const { id } = c.req.valid('param');
      await deps.environments.get(id);
      deps.tokens.forget(id);
      return c.body(null, 204);
    });
}
