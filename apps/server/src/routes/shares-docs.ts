import { z } from 'zod';
import type { RouteDoc } from '../openapi/route-doc.ts';
import { shareCreatedSchema, shareCreateSchema, shareSnippetInputSchema, shareSummarySchema, shareViewSchema } from '../services/shares/index.ts';
import { snippetViewSchema } from '../services/snippets/index.ts';

const tag = 'Shares';

/** The share-link routes (routes/shares.ts) for `/api/openapi.json`. */
export const SHARE_DOCS: RouteDoc[] = [
  { method: 'get', path: '/api/shares', operationId: 'listShares', tag, summary: 'Share links not revoked, newest first', responses: { 200: { description: 'The shares', schema: z.object({ shares: z.array(shareSummarySchema) }) } } },
  {
    method: 'post',
    path: '/api/shares',
    operationId: 'createShare',
    tag,
    summary: 'Share a request and its response as a read-only link',
    description:
      'Before storing, Authorization/Cookie headers are dropped, every secret the server knows and anything shaped like a JWT is redacted, and with `maskPersonalData` emails, names and phone numbers in the body are masked. The id is 128 random bits; the page is at `url`.',
    body: shareCreateSchema,
    responses: { 201: { description: 'Created', schema: shareCreatedSchema } },
    errors: [404],
  },
  { method: 'get', path: '/api/shares/:id', operationId: 'getShare', tag, summary: 'A shared request and response', responses: { 200: { description: 'The share', schema: shareViewSchema } }, errors: [404, 410] },
  { method: 'delete', path: '/api/shares/:id', operationId: 'revokeShare', tag, summary: 'Revoke a share link: its content is deleted, the link answers 410', responses: { 204: { description: 'Revoked', schema: null } }, errors: [404, 410] },
  { method: 'post', path: '/api/shares/:id/snippet', operationId: 'generateShareSnippet', tag, summary: 'Code for the shared request', description: 'Written from the stored request, variables resolved when it was shared; secrets and the token are placeholders.', body: shareSnippetInputSchema, responses: { 200: { description: 'The code', schema: snippetViewSchema } }, errors: [404, 410] },
];
