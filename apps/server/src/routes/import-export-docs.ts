import { z } from 'zod';
import type { RouteDoc } from '../openapi/route-doc.ts';
import { globalImportInputSchema, importInputSchema, importResultSchema } from '../services/collections/import-service.ts';

const tag = 'Import and export';
const importNote =
  'Formats: Postman collection or environment (v2.1 JSON), OpenAPI 3 (YAML or JSON; one folder per tag), a cURL command; detected unless `format` is given. ' +
  '`report.kept` says what was changed on the way in, `report.unmapped` what could not be mapped (nothing is dropped silently). ' +
  'A collection is created in the environment (201). A cURL command answers the parsed `request` (200), saved as well when `collectionId` is given (201, `saved`). ';
const postmanJson = z.object({ info: z.object({ name: z.string(), schema: z.string() }).loose(), item: z.array(z.unknown()) }).loose();
const postmanEnv = z.object({ name: z.string(), values: z.array(z.object({ key: z.string(), value: z.string(), type: z.string(), enabled: z.boolean() })) }).loose();
const result = { description: 'What was imported and the report', schema: importResultSchema };

/** The import/export routes (routes/import-export.ts) for `/api/openapi.json`. */
export const IMPORT_EXPORT_DOCS: RouteDoc[] = [
  { method: 'post', path: '/api/environments/:id/import', operationId: 'importIntoEnvironment', tag, summary: 'Import a document into this environment', description: `${importNote}A Postman environment is merged into this environment (200): its variables are added or replaced, secret-typed ones become secrets, an empty value never wipes a stored one.`, body: importInputSchema, responses: { 200: result, 201: result }, errors: [404] },
  { method: 'post', path: '/api/import', operationId: 'importDocument', tag, summary: 'Import a document; a Postman environment becomes a new environment', description: `${importNote}Without \`environmentId\` a Postman environment creates a new environment (201), as Postman’s own import does; collections need \`environmentId\`.`, body: globalImportInputSchema, responses: { 200: result, 201: result }, errors: [404] },
  { method: 'get', path: '/api/collections/:id/export', operationId: 'exportCollection', tag, summary: 'Download a collection as Postman Collection v2.1 JSON (no secrets)', description: 'Kinde M2M requests inherit an OAuth 2.0 client-credentials auth on the collection that references `{{client_id}}`/`{{client_secret}}`, with the audience in the token request body.', responses: { 200: { description: 'Attachment `<name>.postman_collection.json`', schema: postmanJson } }, errors: [404] },
  { method: 'get', path: '/api/environments/:id/export', operationId: 'exportEnvironment', tag, summary: 'Download an environment as Postman environment JSON (secret values left empty)', responses: { 200: { description: 'Attachment `<name>.postman_environment.json`', schema: postmanEnv } }, errors: [404] },
];
