import { z } from 'zod';
import { defineVersion } from '../versioned.ts';
import { collectionDocV0Schema, type CollectionDocV0 } from './v0.ts';

/** Version 1: the same document saying which version it is, so later changes can migrate it. */
export const collectionDocV1Schema = collectionDocV0Schema.extend({ version: z.literal(1) });
export type CollectionDocV1 = z.infer<typeof collectionDocV1Schema>;

export const collectionDocV1 = defineVersion<CollectionDocV0, CollectionDocV1>({
  schema: collectionDocV1Schema,
  up: (v0) => ({ ...v0, version: 1 }),
});
