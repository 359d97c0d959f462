import { z } from 'zod';
import type { RouteDoc } from '../openapi/route-doc.ts';
import {
  collectionCopySchema,
  collectionReorderSchema,
  collectionCreateSchema,
  collectionUpdateSchema,
  collectionViewSchema,
  deletedSchema,
  folderCreateSchema,
  folderUpdateSchema,
  folderViewSchema,
  reorderSchema,
  requestCreateSchema,
  requestPatchSchema,
  requestPutSchema,
  requestViewSchema,
} from '../services/collections/index.ts';

const tag = 'Collections';
const deleted = { 200: { description: 'Deleted; `undoToken` restores it with `POST /api/trash/{token}/restore` for 10 minutes', schema: deletedSchema } };
const restored = z.object({ kind: z.enum(['collection', 'folder', 'request']), id: z.string(), collectionId: z.string(), environmentId: z.string() });
const secretsNote = 'Before storing, a literal `Authorization` value is removed (a Bearer one switches the request to the environment’s Kinde M2M token), secret values of the environment become their `{{variable}}` and JWTs are redacted; `notices` says what changed.';

/** The collection routes (routes/collections.ts) for `/api/openapi.json`. */
export const COLLECTION_DOCS: RouteDoc[] = [
  { method: 'get', path: '/api/environments/:id/collections', operationId: 'listCollections', tag, summary: 'Collections of an environment, each with its folder/request tree in order', responses: { 200: { description: 'The collections', schema: z.object({ collections: z.array(collectionViewSchema) }) } }, errors: [404] },
  { method: 'post', path: '/api/environments/:id/collections', operationId: 'createCollection', tag, summary: 'Create a collection', body: collectionCreateSchema, responses: { 201: { description: 'Created', schema: collectionViewSchema } }, errors: [404] },
  { method: 'post', path: '/api/environments/:id/collections/reorder', operationId: 'reorderCollections', tag, summary: 'Reorder the collections of an environment', description: 'Each item gives a collection’s final index in the list; the others keep their order around them.', body: collectionReorderSchema, responses: { 200: { description: 'The collections in their new order', schema: z.object({ collections: z.array(collectionViewSchema) }) } }, errors: [404] },
  { method: 'get', path: '/api/collections/:id', operationId: 'getCollection', tag, summary: 'A collection with its tree', responses: { 200: { description: 'The collection', schema: collectionViewSchema } }, errors: [404] },
  { method: 'patch', path: '/api/collections/:id', operationId: 'updateCollection', tag, summary: 'Rename, describe or replace the variables or scripts of a collection', description: 'Scripts are replaced whole (`null` removes them); a known secret value in one is replaced by its `{{variable}}` or `[redacted]` and `notices` says so. With `expectedUpdatedAt`, a different stored one answers 409 `conflict`.', body: collectionUpdateSchema, responses: { 200: { description: 'Updated', schema: collectionViewSchema } }, errors: [404, 409] },
  { method: 'delete', path: '/api/collections/:id', operationId: 'deleteCollection', tag, summary: 'Delete a collection (undoable)', responses: deleted, errors: [404] },
  { method: 'post', path: '/api/collections/:id/duplicate', operationId: 'duplicateCollection', tag, summary: 'Duplicate a collection in its environment', responses: { 201: { description: 'The copy', schema: collectionViewSchema } }, errors: [404] },
  { method: 'post', path: '/api/collections/:id/copy', operationId: 'copyCollection', tag, summary: 'Copy (new ids, 201) or move (`move: true`, 200) a collection to another environment', body: collectionCopySchema, responses: { 200: { description: 'Moved', schema: collectionViewSchema }, 201: { description: 'Copied', schema: collectionViewSchema } }, errors: [404] },
  { method: 'post', path: '/api/collections/:id/reorder', operationId: 'reorderCollectionItems', tag, summary: 'Move and reorder folders and requests in one transaction', description: 'Each item names its new parent folder (null: top level) and its final index among that parent’s children (folders and requests share one order). A folder cannot move into itself or a subfolder (400).', body: reorderSchema, responses: { 200: { description: 'The collection after the move', schema: collectionViewSchema } }, errors: [404] },
  { method: 'post', path: '/api/collections/:id/folders', operationId: 'createFolder', tag, summary: 'Create a folder (at the end of its parent)', body: folderCreateSchema, responses: { 201: { description: 'Created', schema: folderViewSchema } }, errors: [404] },
  { method: 'patch', path: '/api/collections/:id/folders/:folderId', operationId: 'updateFolder', tag, summary: 'Rename or describe a folder, or replace its scripts', description: 'As for a collection: scripts replaced whole, secrets scrubbed (`notices`), 409 `conflict` on a stale `expectedUpdatedAt`.', body: folderUpdateSchema, responses: { 200: { description: 'Updated', schema: folderViewSchema } }, errors: [404, 409] },
  { method: 'delete', path: '/api/collections/:id/folders/:folderId', operationId: 'deleteFolder', tag, summary: 'Delete a folder with everything in it (undoable)', responses: deleted, errors: [404] },
  { method: 'post', path: '/api/collections/:id/requests', operationId: 'createSavedRequest', tag, summary: 'Save a new request into a collection', description: secretsNote, body: requestCreateSchema, responses: { 201: { description: 'Saved', schema: requestViewSchema } }, errors: [404] },
  { method: 'get', path: '/api/collections/:id/requests/:requestId', operationId: 'getSavedRequest', tag, summary: 'A saved request in full', responses: { 200: { description: 'The request', schema: requestViewSchema } }, errors: [404] },
  { method: 'put', path: '/api/collections/:id/requests/:requestId', operationId: 'saveSavedRequest', tag, summary: 'Save a tab: name and request replaced', description: `Send \`expectedUpdatedAt\` (the \`updatedAt\` the tab was loaded with) to get a 409 instead of overwriting a newer save. ${secretsNote}`, body: requestPutSchema, responses: { 200: { description: 'Saved', schema: requestViewSchema } }, errors: [404, 409] },
  { method: 'patch', path: '/api/collections/:id/requests/:requestId', operationId: 'updateSavedRequest', tag, summary: 'Rename, describe or change a saved request', description: secretsNote, body: requestPatchSchema, responses: { 200: { description: 'Updated', schema: requestViewSchema } }, errors: [404, 409] },
  { method: 'delete', path: '/api/collections/:id/requests/:requestId', operationId: 'deleteSavedRequest', tag, summary: 'Delete a saved request (undoable)', responses: deleted, errors: [404] },
  { method: 'post', path: '/api/trash/:token/restore', operationId: 'undoDelete', tag, summary: 'Undo a delete within 10 minutes', responses: { 200: { description: 'Restored where it was', schema: restored } }, errors: [404, 409] },
];
