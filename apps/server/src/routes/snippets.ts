import { Hono } from 'hono';
import { SNIPPET_TARGETS } from '@kinde-explorer/core';
import type { AppDeps } from '../deps.ts';
import { createSnippetsService, snippetInputSchema, tokenSnippetInputSchema } from '../services/snippets/index.ts';
import { validate } from '../validate.ts';

const targets = SNIPPET_TARGETS.map(({ id, label, language }) => ({ id, label, language }));

/**
 * `/api/snippets`: code for a request in Kinde's ten documented languages. Variables are resolved
 * here, on the server, because only the server knows their values; secrets become placeholders
 * such as `<m2m_client_secret>` and the token `<m2m_access_token>` (or `$KINDE_M2M_TOKEN`).
 */
export function snippetRoutes(deps: Pick<AppDeps, 'environments' | 'relay'>) {
  const snippets = createSnippetsService({ environments: deps.environments, resolveForSend: deps.relay.resolveForSend });
  return new Hono()
    .get('/targets', (c) => c.json({ targets }))
    .post('/', validate('json', snippetInputSchema), async (c) => c.json(await snippets.forRequest(c.req.valid('json'))))
    .post('/token', validate('json', tokenSnippetInputSchema), async (c) => c.json(await snippets.forToken(c.req.valid('json'))));
}
