import { z } from 'zod';
import { requestTemplateSchema } from './request.ts';
import { scriptsSchema } from './tests.ts';

/**
 * The items of a collection as importers produce them and exporters read them: requests and
 * nested folders, without storage ids or timestamps. Each concept is one schema here so later
 * fields (scripts, assertions, …) are one `.extend()` away.
 */

export const savedRequestSchema = z.object({
  id: z.string().optional(),
  name: z.string(),
  request: requestTemplateSchema,
  description: z.string().optional(),
});
export type SavedRequest = z.infer<typeof savedRequestSchema>;

/** The fields a folder has besides its items (kept apart so the recursive type stays one line). */
export const folderFieldsSchema = z.object({
  id: z.string().optional(),
  name: z.string(),
  description: z.string().optional(),
  /** Run around every request inside the folder, in Postman's order (collection, folder, request). */
  scripts: scriptsSchema.optional(),
});

export type CollectionFolder = z.infer<typeof folderFieldsSchema> & { items: CollectionItem[] };
export type CollectionItem = ({ type: 'request' } & SavedRequest) | ({ type: 'folder' } & CollectionFolder);

// Folders nest, so the item schema refers to itself through z.lazy.
export const collectionFolderSchema: z.ZodType<CollectionFolder> = z.lazy(() =>
  folderFieldsSchema.extend({ items: z.array(collectionItemSchema) }),
);

export const collectionItemSchema: z.ZodType<CollectionItem> = z.lazy(() =>
  z.discriminatedUnion('type', [
    savedRequestSchema.extend({ type: z.literal('request') }),
    folderFieldsSchema.extend({ type: z.literal('folder'), items: z.array(collectionItemSchema) }),
  ]),
);
