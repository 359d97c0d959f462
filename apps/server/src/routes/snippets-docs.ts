import type { RouteDoc } from '../openapi/route-doc.ts';
import { snippetInputSchema, snippetTargetListSchema, snippetViewSchema, tokenSnippetInputSchema } from '../services/snippets/index.ts';

const tag = 'Snippets';
const secretsNote =
  'Variables are resolved on the server; secret variables become placeholders (`client_secret` → `<m2m_client_secret>`, others `<key>`) and the token `<m2m_access_token>` or, with `tokenStyle: "env"`, the `KINDE_M2M_TOKEN` environment variable. No secret value or token is ever in the answer.';

/** The snippet routes (routes/snippets.ts) for `/api/openapi.json`. */
export const SNIPPET_DOCS: RouteDoc[] = [
  { method: 'get', path: '/api/snippets/targets', operationId: 'listSnippetTargets', tag, summary: 'The languages snippets can be written in', responses: { 200: { description: 'cURL, C#, Go, Java, Node.js, Obj-C, PHP, Python, Ruby, Swift', schema: snippetTargetListSchema } } },
  { method: 'post', path: '/api/snippets', operationId: 'generateSnippet', tag, summary: 'Code that sends this request, as the explorer would', description: secretsNote, body: snippetInputSchema, responses: { 200: { description: 'The code', schema: snippetViewSchema } }, errors: [404] },
  { method: 'post', path: '/api/snippets/token', operationId: 'generateTokenSnippet', tag, summary: 'Code for the M2M token exchange of an environment', description: 'The client-credentials request as Kinde documents it, with `<m2m_client_secret>` for the secret.', body: tokenSnippetInputSchema, responses: { 200: { description: 'The code', schema: snippetViewSchema } }, errors: [404] },
];
