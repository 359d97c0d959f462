import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
import { audit } from '../middleware/audit-context.ts';
import { contentDisposition, exportCollection, exportEnvironment } from '../services/collections/export.ts';
import { globalImportInputSchema, importInputSchema, runImport } from '../services/collections/import-service.ts';
import { idSchema } from '../services/collections/schemas.ts';
import { validate } from '../validate.ts';

const idParam = z.object({ id: idSchema });

/**
 * Import and export (mounted at `/api`). `POST /environments/:id/import` imports into that
 * environment; `POST /import` is the same with an optional `environmentId`, and without one a
 * Postman environment becomes a new environment. Exports are Postman v2.1 downloads, no secrets.
 */
/** An imported Postman environment is an environment change: the audit log names it (never its values). */
function auditEnvironmentImport(c: Context, deps: Pick<AppDeps, 'audit'>, answer: { environment?: { id: string; name: string; created: boolean } | undefined }) {
  const env = answer.environment;
  if (env) audit(c, deps.audit, { action: 'environment.imported', environment: { id: env.id, name: env.name }, target: env.name, detail: { created: env.created } });
}

export function importExportRoutes(deps: Pick<AppDeps, 'collections' | 'environments' | 'audit'>) {
  return new Hono()
    .post('/environments/:id/import', validate('param', idParam), validate('json', importInputSchema), async (c) => {
      const environmentId = c.req.valid('param').id;
      await deps.environments.get(environmentId); // 404 before parsing a large document for nothing
      const { answer, created } = await runImport(deps, { ...c.req.valid('json'), environmentId });
      auditEnvironmentImport(c, deps, answer);
      return c.json(answer, created ? 201 : 200);
    })
    .post('/import', validate('json', globalImportInputSchema), async (c) => {
      const input = c.req.valid('json');
      if (input.environmentId) await deps.environments.get(input.environmentId);
      const { answer, created } = await runImport(deps, input);
      auditEnvironmentImport(c, deps, answer);
      return c.json(answer, created ? 201 : 200);
    })
    .get('/collections/:id/export', validate('param', idParam), async (c) => {
      const file = await exportCollection(deps.collections, c.req.valid('param').id);
      return c.json(file.body, 200, { 'content-disposition': contentDisposition(file.filename) });
    })
    .get('/environments/:id/export', validate('param', idParam), async (c) => {
      const file = await exportEnvironment(deps.environments, c.req.valid('param').id);
      return c.json(file.body, 200, { 'content-disposition': contentDisposition(file.filename) });
    });
}
