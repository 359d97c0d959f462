import { z } from 'zod';
import { collectionItemSchema } from '../collection-item.ts';
import { collectionVariableSchema } from '../collection-variable.ts';
import { scriptsSchema } from '../tests.ts';

/** Version 0: the collection document as written before it carried a version (no `version` field). */
export const collectionDocV0Schema = z.object({
  name: z.string(),
  description: z.string().optional(),
  items: z.array(collectionItemSchema),
  variables: z.array(collectionVariableSchema),
  scripts: scriptsSchema.optional(),
});
export type CollectionDocV0 = z.infer<typeof collectionDocV0Schema>;
