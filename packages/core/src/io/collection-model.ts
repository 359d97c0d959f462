import { z } from 'zod';
import { requestTemplateSchema } from '../model/request.ts';
import { scriptsSchema, type Scripts } from '../model/tests.ts';

/**
 * The framework-free collection model that importers produce and exporters consume. It is what a
 * Postman collection, a cURL command or an OpenAPI document becomes once read; storage and the UI
 * add their own ids and timestamps around it.
 */

export const savedRequestSchema = z.object({
  id: z.string().optional(),
  name: z.string(),
  request: requestTemplateSchema,
  description: z.string().optional(),
});
export type SavedRequest = z.infer<typeof savedRequestSchema>;

export type CollectionFolder = {
  id?: string;
  name: string;
  items: CollectionItem[];
  description?: string;
  /** Run around every request inside the folder, in Postman's order (collection, folder, request). */
  scripts?: Scripts;
};

export type CollectionItem = ({ type: 'request' } & SavedRequest) | ({ type: 'folder' } & CollectionFolder);

// Folders nest, so the item schema refers to itself through z.lazy.
export const collectionItemSchema: z.ZodType<CollectionItem> = z.lazy(() =>
  z.discriminatedUnion('type', [
    savedRequestSchema.extend({ type: z.literal('request') }),
    collectionFolderSchema.extend({ type: z.literal('folder') }),
  ]),
);

export const collectionFolderSchema = z.object({
  id: z.string().optional(),
  name: z.string(),
  items: z.array(collectionItemSchema),
  description: z.string().optional(),
  scripts: scriptsSchema.optional(),
});

export const collectionVariableSchema = z.object({
  key: z.string(),
  value: z.string(),
  enabled: z.boolean().optional(),
});
export type CollectionVariable = z.infer<typeof collectionVariableSchema>;

export const collectionDocSchema = z.object({
  name: z.string(),
  description: z.string().optional(),
  items: z.array(collectionItemSchema),
  variables: z.array(collectionVariableSchema),
  scripts: scriptsSchema.optional(),
});
export type CollectionDoc = z.infer<typeof collectionDocSchema>;

/** What an import kept (possibly changed) and what it could not map; one human-readable line each. */
export const importReportSchema = z.object({
  kept: z.array(z.string()),
  unmapped: z.array(z.string()),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const importedVariableSchema = z.object({
  key: z.string(),
  value: z.string(),
  secret: z.boolean(),
  enabled: z.boolean(),
});
export type ImportedVariable = z.infer<typeof importedVariableSchema>;

export const importedEnvironmentSchema = z.object({
  name: z.string(),
  variables: z.array(importedVariableSchema),
});
export type ImportedEnvironment = z.infer<typeof importedEnvironmentSchema>;

export const importResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('collection'), collections: z.array(collectionDocSchema), report: importReportSchema }),
  z.object({ kind: z.literal('environment'), environment: importedEnvironmentSchema, report: importReportSchema }),
  z.object({ kind: z.literal('request'), request: savedRequestSchema, report: importReportSchema }),
]);
export type ImportResult = z.infer<typeof importResultSchema>;
