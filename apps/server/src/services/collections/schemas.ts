import { z } from 'zod';
import { reorderItemSchema, requestTemplateSchema, scriptsSchema } from '@kinde-explorer/core';

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

/** Pre-request and test scripts, replaced whole; null (or both blank) removes them. */
const scriptsInputSchema = scriptsSchema.strict().nullable();
/** The `updatedAt` the editor was opened with; a different stored one answers 409 instead of overwriting. */
const expectedUpdatedAtSchema = z.string().max(64);

export const collectionUpdateSchema = z.object({
  name: nameSchema.optional(),
  description: descriptionSchema.nullable().optional(),
  variables: z.array(collectionVariableInputSchema).max(500).optional(),
  scripts: scriptsInputSchema.optional(),
  expectedUpdatedAt: expectedUpdatedAtSchema.optional(),
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
  scripts: scriptsInputSchema.optional(),
  expectedUpdatedAt: expectedUpdatedAtSchema.optional(),
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

export const reorderSchema = z.object({ items: z.array(reorderItemSchema).min(1).max(5000) });
export type ReorderInput = z.infer<typeof reorderSchema>;

export const collectionReorderSchema = z.object({
  /** Each collection's final index in the environment's list; the others keep their order around them. */
  items: z.array(z.object({ id: idSchema, position: z.number().int().min(0).max(1_000_000) })).min(1).max(1000),
});
export type CollectionReorder = z.infer<typeof collectionReorderSchema>;

// ---- Views (what the routes answer): the collection tree model lives in core, shared with the web app ----

export {
  collectionViewSchema,
  folderViewSchema,
  requestSummarySchema,
  requestViewSchema,
  treeNodeSchema,
  type CollectionView,
  type FolderNode,
  type FolderView,
  type RequestSummary,
  type RequestView,
  type TreeNode,
} from '@kinde-explorer/core';

export const deletedSchema = z.object({
  undoToken: z.string(),
  expiresAt: z.string(),
  /** What was deleted, for the "Deleted X — Undo" message. */
  label: z.string(),
});
export type Deleted = z.infer<typeof deletedSchema>;
