import { z } from 'zod';
import { collectionDocSchema } from '../model/collection-doc.ts';
import { savedRequestSchema } from '../model/collection-item.ts';

/** What an import produces: collections (the model in `model/`), an environment or one request. */

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
