import { z } from 'zod';
import {
  catalogSchema,
  environmentCreateSchema,
  environmentUpdateSchema,
  environmentViewSchema,
  operationDetailSchema,
  sendInputSchema,
} from '@kinde-explorer/core';
import { AUDIT_DOCS } from '../routes/audit-docs.ts';
import { AUTH_DOCS } from '../routes/auth-docs.ts';
import { COLLECTION_DOCS } from '../routes/collections-docs.ts';
import { healthSchema } from '../routes/health.ts';
import { HISTORY_DOCS } from '../routes/history-docs.ts';
import { IMPORT_EXPORT_DOCS } from '../routes/import-export-docs.ts';
import { RUN_DOCS } from '../routes/runs-docs.ts';
import { sendAnswerSchema } from '../services/runs/send-with-tests.ts';
import { MEMBER_DOCS } from '../routes/members-docs.ts';
import { SHARE_DOCS } from '../routes/shares-docs.ts';
import { SNIPPET_DOCS } from '../routes/snippets-docs.ts';
import { specStatusSchema, specUploadSchema } from '../routes/spec.ts';
import type { RouteDoc } from './route-doc.ts';

const environmentList = z.object({ environments: z.array(environmentViewSchema) });

// Token claims as Kinde issues them; the token itself is never returned.
const tokenInfo = z.object({
  claims: z.object({
    scope: z.string().optional(),
    exp: z.number().optional(),
    aud: z.union([z.string(), z.array(z.string())]).optional(),
    azp: z.string().optional(),
    gty: z.union([z.string(), z.array(z.string())]).optional(),
  }).loose(),
  scopes: z.array(z.string()),
  expiresAt: z.string(),
  expiresIn: z.number(),
  /** False when this call performed a token exchange. */
  cached: z.boolean(),
}).loose();

/** Every route of the server API. `openapi.test.ts` fails when a route is missing here. */
export const API_DOCS: RouteDoc[] = [
  { method: 'get', path: '/api/health', operationId: 'getHealth', tag: 'Meta', summary: 'Liveness, spec status and the sandbox URL', responses: { 200: { description: 'Running', schema: healthSchema } } },
  { method: 'get', path: '/api/openapi.json', operationId: 'getOpenApiDocument', tag: 'Meta', summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1', schema: z.object({ openapi: z.string() }).loose() } } },

  { method: 'get', path: '/api/environments', operationId: 'listEnvironments', tag: 'Environments', summary: 'List environments (secret values are null)', responses: { 200: { description: 'All environments', schema: environmentList } } },
  { method: 'post', path: '/api/environments', operationId: 'createEnvironment', tag: 'Environments', summary: 'Create an environment', description: '`client_secret` is always secret. `business_domain` is normalised (`myapp` → `https://myapp.kinde.com`); plain http only for loopback hosts.', body: environmentCreateSchema, responses: { 201: { description: 'Created, with its id', schema: environmentViewSchema } } },
  { method: 'get', path: '/api/environments/:id', operationId: 'getEnvironment', tag: 'Environments', summary: 'Read an environment (secret values are null with `hasValue`)', responses: { 200: { description: 'The environment', schema: environmentViewSchema } }, errors: [404] },
  { method: 'patch', path: '/api/environments/:id', operationId: 'updateEnvironment', tag: 'Environments', summary: 'Rename or replace the variable list', description: 'A secret variable sent with a null or absent value keeps its stored value; an empty string clears it.', body: environmentUpdateSchema, responses: { 200: { description: 'Updated', schema: environmentViewSchema } }, errors: [404] },
  { method: 'delete', path: '/api/environments/:id', operationId: 'deleteEnvironment', tag: 'Environments', summary: 'Delete an environment and everything in it', responses: { 204: { description: 'Deleted', schema: null } }, errors: [404] },

  { method: 'post', path: '/api/environments/:id/token', operationId: 'getEnvironmentToken', tag: 'Token', summary: 'Get or reuse the M2M token; answers its decoded claims, never the token', responses: { 200: { description: 'Claims and expiry', schema: tokenInfo } }, errors: [404, 502] },
  { method: 'delete', path: '/api/environments/:id/token', operationId: 'forgetEnvironmentToken', tag: 'Token', summary: 'Forget the cached token', responses: { 204: { description: 'Forgotten', schema: null } }, errors: [404] },

  { method: 'post', path: '/api/send', operationId: 'send', tag: 'Send', summary: 'Relay a request to the environment’s Kinde domain', description: 'Any upstream status answers 200 with that status inside; a non-200 means the relay itself failed (`unresolved_variable`, `target_not_allowed`, `token_exchange_failed`, …). A request with scripts, assertions or captures is sent by the collection runner’s single send: its pre-request script first, then the relay, then its tests, answered in `tests` (variables the scripts set are not kept).', body: sendInputSchema, responses: { 200: { description: 'The upstream answer', schema: sendAnswerSchema } }, errors: [404, 502, 504] },
  { method: 'delete', path: '/api/send/:requestId', operationId: 'cancelSend', tag: 'Send', summary: 'Cancel a send started with this `requestId`', description: 'The upstream request is aborted and the pending `POST /api/send` answers `cancelled`. Closing the connection of the `POST` cancels too.', responses: { 204: { description: 'Cancelled', schema: null } }, errors: [404] },

  { method: 'get', path: '/api/catalog', operationId: 'listCatalogOperations', tag: 'Catalog', summary: 'Operations of the loaded Kinde spec', responses: { 200: { description: 'The catalog', schema: catalogSchema } }, errors: [503] },
  { method: 'get', path: '/api/catalog/:operationId', operationId: 'getCatalogOperation', tag: 'Catalog', summary: 'One operation in full', responses: { 200: { description: 'The operation', schema: operationDetailSchema } }, errors: [404, 503] },
  { method: 'get', path: '/api/spec/status', operationId: 'getSpecStatus', tag: 'Catalog', summary: 'Which Kinde spec is loaded, or how to provide one', responses: { 200: { description: 'Status', schema: specStatusSchema } } },
  { method: 'put', path: '/api/spec', operationId: 'replaceSpec', tag: 'Catalog', summary: 'Replace the Kinde spec (text or URL)', body: specUploadSchema, responses: { 200: { description: 'Loaded', schema: specStatusSchema } } },

  ...AUTH_DOCS,
  ...MEMBER_DOCS,
  ...AUDIT_DOCS,
  ...COLLECTION_DOCS,
  ...HISTORY_DOCS,
  ...IMPORT_EXPORT_DOCS,
  ...SNIPPET_DOCS,
  ...SHARE_DOCS,
  ...RUN_DOCS,
];
