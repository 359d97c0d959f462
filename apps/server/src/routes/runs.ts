import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { toJUnitXml } from '@kinde-explorer/runner';
import type { AppDeps } from '../deps.ts';
import { apiError } from '../errors.ts';
import { audit } from '../middleware/audit-context.ts';
import { contentDisposition } from '../services/collections/export.ts';
import { runExportQuerySchema, runListQuerySchema, runStartSchema } from '../services/runs/schemas.ts';
import { validate } from '../validate.ts';

const idParam = z.object({ id: z.string().min(1).max(100) });
const HEARTBEAT_MS = 15_000;

/**
 * Collection runs (mounted at `/api/runs`): start one, follow its events as Server-Sent Events,
 * stop it, list the last runs, read one run's results, export them as JUnit XML or JSON.
 */
export function runRoutes(deps: Pick<AppDeps, 'runs' | 'audit'>) {
  const runs = deps.runs;
  return new Hono()
    .post('/', validate('json', runStartSchema), async (c) => {
      const input = c.req.valid('json');
      if (input.persistVariables && c.get('role') === 'viewer') {
        throw apiError(403, 'forbidden', 'Signed in as viewer: a run cannot save variables to the environment. Run it without “Save variables to the environment”, or ask an editor.');
      }
      const run = await runs.start(input);
      // The run's own sends go through the relay, not /api/send: the start names who ran what.
      audit(c, deps.audit, { action: 'run.started', environment: { id: run.environmentId }, target: run.name, detail: { iterations: input.iterations ?? null, dataFile: input.data?.fileName ?? null } });
      return c.json(run, 201);
    })
    .get('/', validate('query', runListQuerySchema), async (c) => c.json(await runs.list(c.req.valid('query')), 200))
    .get('/:id', validate('param', idParam), async (c) => c.json(await runs.get(c.req.valid('param').id), 200))
    .post('/:id/stop', validate('param', idParam), async (c) => {
      const { id } = c.req.valid('param');
      const stopping = await runs.stop(id);
      return c.json({ id, stopping }, 202);
    })
    // Every event from the start (or after `Last-Event-ID`), live until the run ends, then `end` with the stored run.
    .get('/:id/events', validate('param', idParam), async (c) => {
      const { id } = c.req.valid('param');
      // Stored events, whichever instance runs it: a reader here follows a run on any other.
      const events = await runs.events(id);
      const after = Number(c.req.header('last-event-id') ?? 0) || 0;
      // Behind nginx (docs/team-server.md): pass each event on at once, never spooled to a buffer.
      c.header('X-Accel-Buffering', 'no');
      return streamSSE(c, async (stream) => {
        const gone = new AbortController();
        stream.onAbort(() => gone.abort());
        const heartbeat = setInterval(() => void stream.write(': keep-alive\n\n').catch(() => gone.abort()), HEARTBEAT_MS);
        try {
          for await (const { seq, type, data } of events.read(after, gone.signal)) {
            await stream.writeSSE({ event: type, id: String(seq), data });
          }
          if (!gone.signal.aborted) await stream.writeSSE({ event: 'end', data: JSON.stringify(await runs.get(id)) });
        } finally {
          clearInterval(heartbeat);
        }
      });
    })
    .get('/:id/export', validate('param', idParam), validate('query', runExportQuerySchema), async (c) => {
      const view = await runs.get(c.req.valid('param').id);
      if (!view.summary) {
        throw apiError(409, 'conflict', view.status === 'running' ? 'The run is still in progress; export it when it has finished.' : `The run ended in an error and has no results: ${view.error ?? 'see the server log'}.`);
      }
      const stamp = view.startedAt.replace(/[:.]/g, '-');
      if (c.req.valid('query').format === 'junit') {
        return c.body(toJUnitXml(view.summary), 200, {
          'content-type': 'application/xml; charset=utf-8',
          'content-disposition': contentDisposition(`${view.name}-${stamp}.junit.xml`),
        });
      }
      return c.json(view, 200, { 'content-disposition': contentDisposition(`${view.name}-${stamp}.run.json`) });
    });
}
