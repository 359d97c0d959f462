import { z } from 'zod';
import { collectionVariableSchema } from './collection-variable.ts';
import { requestTemplateSchema } from './request.ts';
import { scriptsSchema } from './tests.ts';

/**
 * A stored collection as the server answers it and the web app shows it: ids, positions and
 * timestamps around the folders and request summaries of its tree.
 */

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

/** A folder's own fields; its `items` are added below (the tree is recursive). */
export const folderNodeFieldsSchema = z.object({
  type: z.literal('folder'),
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  parentId: z.string().nullable(),
  position: z.number(),
  /** Its pre-request and test scripts (run around each request inside it); null when it has none. */
  scripts: scriptsSchema.nullable(),
  /** Guards an edit of its scripts (`expectedUpdatedAt`). */
  updatedAt: z.string(),
});
export type FolderNode = z.infer<typeof folderNodeFieldsSchema> & { items: TreeNode[] };
export type TreeNode = FolderNode | RequestSummary;

export const treeNodeSchema: z.ZodType<TreeNode> = z.lazy(() =>
  z.union([requestSummarySchema, folderNodeFieldsSchema.extend({ items: z.array(treeNodeSchema) })]),
);

export const collectionViewSchema = z.object({
  id: z.string(),
  environmentId: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  variables: z.array(collectionVariableSchema),
  /** Its pre-request and test scripts (run around every request in it); null when it has none. */
  scripts: scriptsSchema.nullable(),
  position: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  items: z.array(treeNodeSchema),
  /** What was changed before storing (a secret value in a script replaced), so the user is told. */
  notices: z.array(z.string()).optional(),
});
export type CollectionView = z.infer<typeof collectionViewSchema>;

export const folderViewSchema = z.object({
  id: z.string(),
  collectionId: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  scripts: scriptsSchema.nullable(),
  position: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  notices: z.array(z.string()).optional(),
});
export type FolderView = z.infer<typeof folderViewSchema>;

/** A saved request in full. */
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

/** One move in a collection's tree (`POST /api/collections/:id/reorder`). */
export const reorderItemSchema = z.object({
  type: z.enum(['folder', 'request']),
  id: z.string().min(1).max(100),
  /** The folder it ends up in; null for the collection's top level. */
  parentId: z.string().min(1).max(100).nullable(),
  /** Its index among its new siblings (folders and requests share one order) after the move. */
  position: z.number().int().min(0).max(1_000_000),
});
export type ReorderItem = z.infer<typeof reorderItemSchema>;
