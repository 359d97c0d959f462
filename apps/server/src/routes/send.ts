import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { z } from 'zod';
import { sendInputSchema } from '@kinde-explorer/core';
import type { AppDeps } from '../deps.ts';
import { apiError } from '../errors.ts';
import { audit } from '../middleware/audit-context.ts';
import { SESSION_COOKIE } from '../middleware/session-auth.ts';
import { sendTarget } from '../services/audit/send-target.ts';
import { onClientGone } from '../http/node-request.ts';
import { scriptsAround } from '../services/collections/scripts-around.ts';
import { hasTests, sendTested } from '../services/runs/send-with-tests.ts';
import { validate } from '../validate.ts';

const requestIdParam = z.object({ requestId: z.string().min(1).max(100) });

/** Whose send: a digest of the signed-in session (never the session id itself), '' without sign-in. */
function callerOf(c: Context): string {
  const cookie = c.get('session') ? getCookie(c, SESSION_COOKIE) : undefined;
  return cookie ? createHash('sha256').update(`send-cancel:${cookie}`).digest('base64url').slice(0, 22) : '';
}

/**
 * `POST /api/send`: relays one request through the environment's Kinde domain. 200 with the
 * upstream answer for any upstream status; non-200 only when the relay itself failed.
 * `DELETE /api/send/:requestId` cancels a send started with that `requestId` by the same session,
 * on whichever instance it runs.
 */
export function sendRoutes(deps: Pick<AppDeps, 'relay' | 'environments' | 'collections' | 'audit' | 'sendCancels'>) {
  return new Hono()
    .post('/', validate('json', sendInputSchema), async (c) => {
      const { requestId: id, environmentId, collectionId, savedRequestId, request } = c.req.valid('json');
      const controller = new AbortController();
      // The browser closing the connection (or a DELETE naming this send) aborts the upstream call.
      const stopListening = onClientGone(c, () => controller.abort());
      const unregister = id ? deps.sendCancels.register(id, callerOf(c), controller) : undefined;
      try {
        // A request with scripts or assertions is sent by the runner's single send, its tests in the answer.
        const target = { environmentId, collectionId, request };
        const around = collectionId ? await scriptsAround(deps.collections.context, { environmentId, collectionId, requestId: savedRequestId }) : undefined;
        const result = hasTests(request, around) ? await sendTested(deps, target, controller.signal, around) : await deps.relay.send(target, controller.signal);
        // Queued, not written: the answer does not wait for the audit log.
        audit(c, deps.audit, () => ({ action: 'send', environment: { id: environmentId }, target: sendTarget(request.method, result.url), detail: { status: result.status, durationMs: Math.round(result.timings.totalMs) } }));
        return c.json(result, 200);
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        audit(c, deps.audit, () => ({ action: 'send', outcome: 'failure', environment: { id: environmentId }, target: sendTarget(request.method, request.url), detail: { error: typeof code === 'string' ? code : 'internal_error' } }));
        throw err;
      } finally {
        stopListening();
        unregister?.();
      }
    })
    .delete('/:requestId', validate('param', requestIdParam), async (c) => {
      const { requestId } = c.req.valid('param');
      if (!(await deps.sendCancels.cancel(requestId, callerOf(c)))) {
        throw apiError(404, 'not_found', `No send of yours with requestId "${requestId}" is in progress (it may have finished).`);
      }
      return c.body(null, 204);
    });
}
