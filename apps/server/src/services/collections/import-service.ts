import { z } from 'zod';
import { IMPORT_FORMATS, importDocument, type ImportReport, type SavedRequest } from '@kinde-explorer/core';
import { apiError } from '../../errors.ts';
import type { EnvironmentsService } from '../environments/types.ts';
import { insertCollectionDoc } from './collection-doc.ts';
import type { CollectionsService } from './index.ts';
import { mergeVariables } from './merge-variables.ts';
import { sanitizeRequest } from './sanitize-request.ts';
import { idSchema, requestViewSchema, type RequestView } from './schemas.ts';

export const importInputSchema = z.object({
  /** The document as text: Postman collection or environment (v2.1 JSON), OpenAPI 3 (YAML or JSON), or a cURL command. */
  content: z.string().min(1, 'paste or upload a document to import').max(20_000_000),
  /** Detected from the content when omitted. */
  format: z.enum(IMPORT_FORMATS).optional(),
  /** cURL only: also save the request into this collection (of the same environment). */
  collectionId: idSchema.optional(),
  /** cURL only, with `collectionId`: the folder to save into. */
  folderId: idSchema.optional(),
});
export type ImportInput = z.infer<typeof importInputSchema>;

export const globalImportInputSchema = importInputSchema.extend({
  /** The environment to import into; without it a Postman environment creates a new one. */
  environmentId: idSchema.optional(),
});
export type GlobalImportInput = z.infer<typeof globalImportInputSchema>;

export const importResultSchema = z.object({
  kind: z.enum(['collection', 'environment', 'request']),
  collections: z.array(z.object({ id: z.string(), name: z.string(), folders: z.number(), requests: z.number() })),
  environment: z.object({ id: z.string(), name: z.string(), created: z.boolean(), variables: z.array(z.object({ key: z.string(), secret: z.boolean() })) }).optional(),
  /** cURL: the parsed request (credentials removed), ready to open in a tab. */
  request: z.object({ name: z.string(), request: requestViewSchema.shape.request, description: z.string().optional() }).optional(),
  /** cURL with `collectionId`: the request as saved. */
  saved: requestViewSchema.optional(),
  report: z.object({ kept: z.array(z.string()), unmapped: z.array(z.string()) }),
});
export type ImportAnswer = z.infer<typeof importResultSchema>;

export interface ImporterDeps {
  collections: CollectionsService;
  environments: Pick<EnvironmentsService, 'get' | 'create' | 'update'>;
}

/**
 * Runs an import. Collections (Postman, OpenAPI) go into the given environment; a Postman
 * environment is merged into the given environment or, without one, becomes a new environment;
 * a cURL command answers the request and is saved only when a collection is named.
 * `created` tells the route whether to answer 201.
 */
export async function runImport(deps: ImporterDeps, input: GlobalImportInput): Promise<{ answer: ImportAnswer; created: boolean }> {
  const parsed = importDocument(input.content, input.format);
  if (!parsed.ok) throw apiError(400, 'validation_failed', `content: ${parsed.errors.join('; ')}`, { errors: parsed.errors });
  const result = parsed.value;
  const envId = input.environmentId;
  const report: ImportReport = { kept: [...result.report.kept], unmapped: [...result.report.unmapped] };
  const answer = (rest: Omit<ImportAnswer, 'kind' | 'report' | 'collections'> & { collections?: ImportAnswer['collections'] }): ImportAnswer => ({
    kind: result.kind,
    collections: [],
    ...rest,
    report,
  });
  if (result.kind !== 'request' && (input.collectionId || input.folderId)) {
    throw apiError(400, 'validation_failed', 'collectionId: only a cURL import saves into an existing collection; collections are imported as new ones');
  }

  switch (result.kind) {
    case 'collection': {
      if (!envId) throw apiError(400, 'validation_failed', 'environmentId: collections belong to an environment; say which one to import into');
      const collections = [];
      for (const doc of result.collections) {
        const inserted = await insertCollectionDoc(deps.collections.context, envId, doc);
        report.unmapped.push(...inserted.unmapped);
        collections.push({ id: inserted.id, name: inserted.name, folders: inserted.folders, requests: inserted.requests });
      }
      return { answer: answer({ collections }), created: true };
    }
    case 'environment': {
      const imported = result.environment;
      const variables = imported.variables.map((v) => ({ key: v.key, secret: v.secret }));
      if (!envId) {
        const env = await deps.environments.create({ name: imported.name.trim().slice(0, 200) || 'Imported environment', variables: imported.variables });
        report.kept.push(`environment '${env.name}' created with ${imported.variables.length} variable(s)`);
        return { answer: answer({ environment: { id: env.id, name: env.name, created: true, variables } }), created: true };
      }
      const merged = mergeVariables((await deps.environments.get(envId)).variables, imported.variables);
      const env = await deps.environments.update(envId, { variables: merged.variables });
      report.kept.push(...merged.kept);
      return { answer: answer({ environment: { id: env.id, name: env.name, created: false, variables } }), created: false };
    }
    case 'request': {
      const saved = await saveCurl(deps, envId, input, result.request);
      const request: SavedRequest = saved ? { name: saved.name, request: saved.request } : await cleanRequest(deps, envId, result.request, report);
      return { answer: answer({ request, ...(saved ? { saved } : {}) }), created: saved !== undefined };
    }
  }
}

async function saveCurl(deps: ImporterDeps, envId: string | undefined, input: ImportInput, request: SavedRequest): Promise<RequestView | undefined> {
  if (!input.collectionId) {
    if (input.folderId) throw apiError(400, 'validation_failed', 'folderId: give collectionId too');
    return undefined;
  }
  const collection = await deps.collections.get(input.collectionId);
  if (envId && collection.environmentId !== envId) {
    throw apiError(400, 'validation_failed', `collectionId: collection ${input.collectionId} belongs to another environment`);
  }
  return deps.collections.createRequest(collection.id, {
    name: request.name.trim().slice(0, 200) || 'Imported request',
    folderId: input.folderId ?? null,
    request: request.request,
    ...(request.description ? { description: request.description } : {}),
  });
}

async function cleanRequest(deps: ImporterDeps, envId: string | undefined, saved: SavedRequest, report: ImportReport): Promise<SavedRequest> {
  const secrets = envId ? await deps.collections.context.secretsFor(envId) : { byKey: {}, others: [] };
  const { request, notices } = sanitizeRequest(saved.request, secrets);
  report.unmapped.push(...notices);
  return { ...saved, request };
}
