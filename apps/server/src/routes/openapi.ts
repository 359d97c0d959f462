import { Hono } from 'hono';
import { API_DOCS } from '../openapi/api-docs.ts';
import { buildOpenApiDocument } from '../openapi/build-document.ts';
import { SERVER_VERSION } from '../version.ts';

/** `GET /api/openapi.json`: the server's own API, generated from the zod schemas once. */
export function openapiRoutes() {
  let doc: ReturnType<typeof buildOpenApiDocument> | undefined;
  return new Hono().get('/', (c) => c.json((doc ??= buildOpenApiDocument(API_DOCS, SERVER_VERSION))));
}
