import { Hono } from 'hono';
import type { AppDeps } from '../deps.ts';
import { SERVER_VERSION } from '../version.ts';

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
