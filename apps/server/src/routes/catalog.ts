import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
import { validate } from '../validate.ts';

/** `/api/catalog`: the Kinde operations of the loaded spec (503 `spec_unavailable` without one). */
export function catalogRoutes(deps: AppDeps) {
  return new Hono()
    .get('/', (c) => c.json({ operations: deps.spec.catalog() }))
    .get('/:operationId', validate('param', z.object({ operationId: z.string().min(1).max(200) })), (c) =>
      c.json(deps.spec.operation(c.req.valid('param').operationId)),
    );
}
