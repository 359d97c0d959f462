import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
export { specStatusSchema } from '../services/spec/types.ts';
import { validate } from '../validate.ts';

export const specUploadSchema = z.union([
  z.object({ content: z.string().min(1, 'the spec is empty').max(20_000_000) }).strict(),
  z.object({ url: z.string().url('must be an http(s) URL').max(2048) }).strict(),
], { error: 'send either { "content": "<spec as YAML or JSON>" } or { "url": "https://…" }' });

/** `/api/spec`: which Kinde spec is loaded, and replacing it (upload or URL). */
export function specRoutes(deps: AppDeps) {
  return new Hono()
    .get('/status', (c) => c.json(deps.spec.status()))
    .put('/', validate('json', specUploadSchema), async (c) => {
      const body = c.req.valid('json');
      const status = 'content' in body ? await deps.spec.replaceSpec(body.content) : await deps.spec.replaceFromUrl(body.url);
      return c.json(status);
    });
}
