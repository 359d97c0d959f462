import { z } from 'zod';

/** A collection variable: plain values only (secrets live in environments, sealed). */
export const collectionVariableSchema = z.object({
  key: z.string(),
  value: z.string(),
  enabled: z.boolean().optional(),
});
export type CollectionVariable = z.infer<typeof collectionVariableSchema>;
