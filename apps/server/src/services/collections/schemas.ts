import { z } from 'zod';
import { requestTemplateSchema } from '@kinde-explorer/core';

/** Names as people type them: trimmed, never empty, short enough for a sidebar. */
export const nameSchema = z.string().trim().min(1, 'a name is needed').max(200, 'names are at most 200 characters');
const descriptionSchema = z.string().max(100_000);
export const idSchema = z.string().min(1).max(100);

export const collectionVariableInputSchema = z.object({
  key: z.string().trim().min(1).max(128),
  value: z.string().max(65_536),
  enabled: z.boolean().optional(),
});

export const collectionCreateSchema = z.object({
  name: nameSchema,
  description: descriptionSchema.optional(),
  variables: z.array(collectionVariableInputSchema).max(500).optional(),
});
export type CollectionCreate = z.infer<typeof collectionCreateSchema>;

export const collectionUpdateSchema = z.object({
  name: nameSchema.optional(),
  description: descriptionSchema.nullable().optional(),
  variables: z.array(collectionVariableInputSchema).max(500).optional(),
});
export type CollectionUpdate = z.infer<typeof collectionUpdateSchema>;

export const collectionCopySchema = z.object({
  environmentId: idSchema,
  /** true: move (the collection keeps its ids and leaves its environment); false: copy with new ids. */
  move: z.boolean().optional(),
  name: nameSchema.optional(),
});
export type CollectionCopy = z.infer<typeof collectionCopySchema>;

export const folderCreateSchema = z.object({
  name: nameSchema,
  description: descriptionSchema.optional(),
  parentId: idSchema.nullable().optional(),
});
export type FolderCreate = z.infer<typeof folderCreateSchema>;

export const folderUpdateSchema = z.object({
  name: nameSchema.optional(),
  description: descriptionSchema.nullable().optional(),
});
export type FolderUpdate = z.infer<typeof folderUpdateSchema>;

export const requestCreateSchema = z.object({
  name: nameSchema,
  folderId: idSchema.nullable().optional(),
  description: descriptionSchema.optional(),
  request: requestTemplateSchema,
});
export type RequestCreate = z.infer<typeof requestCreateSchema>;

/** PUT = save from an editor tab: name and request replaced whole. */
export const requestPutSchema = z.object({
  name: nameSchema,
  description: descriptionSchema.nullable().optional(),
  request: requestTemplateSchema,
  /** The `updatedAt` the tab was opened with; a different stored one answers 409 instead of overwriting. */
  expectedUpdatedAt: z.string().max(64).optional(),
});
export type RequestPut = z.infer<typeof requestPutSchema>;

export const requestPatchSchema = z.object({
  name: nameSchema.optional(),
  description: descriptionSchema.nullable().optional(),
  request: requestTemplateSchema.optional(),
  expectedUpdatedAt: z.string().max(64).optional(),
});
export type RequestPatch = z.infer<typeof requestPatchSchema>;

export const reorderItemSchema = z.object({
  type: z.enum(['folder', 'request']),
  id: idSchema,
  /** The folder it ends up in; null for the collection's top level. */
  parentId: idSchema.nullable(),
  /** Its index among its new siblings (folders and requests share one order) after the move. */
  position: z.number().int().min(0).max(1_000_000),
});
export const reorderSchema = z.object({ items: z.array(reorderItemSchema).min(1).max(5000) });
export type ReorderInput = z.infer<typeof reorderSchema>;

export const collectionReorderSchema = z.object({
  /** Each collection's final index in the environment's list; the others keep their order around them. */
  items: z.array(z.object({ id: idSchema, position: z.number().int().min(0).max(1_000_000) })).min(1).max(1000),
});
export type CollectionReorder = z.infer<typeof collectionReorderSchema>;

// ---- Views (what the routes answer) ----

export const requestSummarySchema = z.object({
  type: z.literal('request'),
  id: z.string(),
  name: z.string(),
  method: z.string(),
  url: z.string(),
  folderId: z.string().nullable(),
  position: z.number(),
  updatedAt: z.string(),
});
export type RequestSummary = z.infer<typeof requestSummarySchema>;

export type FolderNode = {
  type: 'folder';
  id: string;
  name: string;
  description: string | null;
  parentId: string | null;
  position: number;
  items: TreeNode[];
};
export type TreeNode = FolderNode | RequestSummary;

export const treeNodeSchema: z.ZodType<TreeNode> = z.lazy(() =>
  z.union([
    requestSummarySchema,
    z.object({
      type: z.literal('folder'),
      id: z.string(),
      name: z.string(),
      description: z.string().nullable(),
      parentId: z.string().nullable(),
      position: z.number(),
      items: z.array(treeNodeSchema),
    }),
  ]),
);

export const collectionViewSchema = z.object({
  id: z.string(),
  environmentId: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  variables: z.array(z.object({ key: z.string(), value: z.string(), enabled: z.boolean().optional() })),
  position: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  items: z.array(treeNodeSchema),
});
export type CollectionView = z.infer<typeof collectionViewSchema>;

export const folderViewSchema = z.object({
  id: z.string(),
  collectionId: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  position: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type FolderView = z.infer<typeof folderViewSchema>;

export const requestViewSchema = z.object({
  id: z.string(),
  collectionId: z.string(),
  folderId: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  position: z.number(),
  request: requestTemplateSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** What was changed before storing (a literal token or secret removed), so the user is told. */
  notices: z.array(z.string()).optional(),
});
export type RequestView = z.infer<typeof requestViewSchema>;

export const deletedSchema = z.object({
  undoToken: z.string(),
  expiresAt: z.string(),
  /** What was deleted, for the "Deleted X — Undo" message. */
  label: z.string(),
});
export type Deleted = z.infer<typeof deletedSchema>;
