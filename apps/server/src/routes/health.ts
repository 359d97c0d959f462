import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
import { SERVER_VERSION } from '../version.ts';

export const healthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  spec: z.object({ status: z.enum(['loading', 'ready', 'unavailable']), operations: z.number().int(), message: z.string() }),
  /** Present when the Kinde sandbox runs beside the server. */
  sandbox: z.object({ url: z.string() }).optional(),
});

/** `GET /api/health`: liveness plus what a newcomer needs to know (spec loaded? sandbox where?). */
export function healthRoutes(deps: AppDeps) {
  return new Hono().get('/', (c) => {
    const spec = deps.spec.status();
    return c.json({
      status: 'ok' as const,
      version: SERVER_VERSION,
      spec: { status: spec.status, operations: spec.operations, message: spec.message },
      ...(deps.sandbox ? { sandbox: { url: deps.sandbox.url } } : {}),
    });
  });
}
