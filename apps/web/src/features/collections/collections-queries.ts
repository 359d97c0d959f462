import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import type { CollectionView, ReorderItem, Scripts } from '@kinde-explorer/core';
import { client, unwrap } from '../../lib/api-client.ts';

// The tree is recursive, which the RPC types flatten to JSON values below the first level; the
// shapes come from core's collection tree model, the schemas the server answers with.
export type { CollectionView, FolderNode, ReorderItem, RequestSummary, TreeNode } from '@kinde-explorer/core';

/** A saved request in full, as the request routes answer it (with `notices` after a save). */
export type SavedRequestView = InferResponseType<(typeof client.api.collections)[':id']['requests'][':requestId']['$get'], 200>;
/** What a delete answers: the token for "Undo". */
export type Deleted = InferResponseType<(typeof client.api.collections)[':id']['$delete'], 200>;

/** Keys from general to specific: invalidating ['collections'] refreshes every environment's tree. */
export const collectionKeys = {
  all: ['collections'] as const,
  list: (environmentId: string) => ['collections', environmentId] as const,
  request: (environmentId: string, requestId: string) => ['collections', environmentId, 'request', requestId] as const,
};

export const collectionsQuery = (environmentId: string) =>
  queryOptions({
    queryKey: collectionKeys.list(environmentId),
    queryFn: async (): Promise<CollectionView[]> =>
      (await unwrap(client.api.environments[':id'].collections.$get({ param: { id: environmentId } }))).collections as CollectionView[],
  });

/** Reads a saved request in full (fresh each time: its `updatedAt` guards the next save). */
export function fetchSavedRequest(collectionId: string, requestId: string): Promise<SavedRequestView> {
  return unwrap(client.api.collections[':id'].requests[':requestId'].$get({ param: { id: collectionId, requestId } }));
}

/** Reads one collection with its tree, fresh (a conflict is checked against it). */
export async function fetchCollection(id: string): Promise<CollectionView> {
  return (await unwrap(client.api.collections[':id'].$get({ param: { id } }))) as CollectionView;
}

/** Replaces a collection's or folder's scripts; a stale `expectedUpdatedAt` answers 409. What the server changed is in `notices`. */
export async function saveScripts(v: { collectionId: string; folderId?: string | undefined; scripts: Scripts | null; expectedUpdatedAt: string }): Promise<{ notices?: string[] | undefined }> {
  const json = { scripts: v.scripts, expectedUpdatedAt: v.expectedUpdatedAt };
  if (v.folderId === undefined) return unwrap(client.api.collections[':id'].$patch({ param: { id: v.collectionId }, json }));
  return unwrap(client.api.collections[':id'].folders[':folderId'].$patch({ param: { id: v.collectionId, folderId: v.folderId }, json }));
}

/** Puts a changed collection into its environment's cached list, keeping the list's order. */
function replaceInList(queryClient: QueryClient, updated: CollectionView) {
  queryClient.setQueryData<CollectionView[]>(collectionKeys.list(updated.environmentId), (list) =>
    list?.map((c) => (c.id === updated.id ? updated : c)),
  );
}

/**
 * The collection mutations of one environment. Each refreshes that environment's tree; callers
 * show errors (they differ: a dialog keeps its input, a tree action shows a toast).
 */
export function useCollectionMutations(environmentId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: collectionKeys.list(environmentId) });
  const opts = { onSettled: refresh };
  return {
    createCollection: useMutation({
      mutationFn: (name: string) => unwrap(client.api.environments[':id'].collections.$post({ param: { id: environmentId }, json: { name } })),
      ...opts,
    }),
    renameCollection: useMutation({
      mutationFn: (v: { id: string; name: string }) => unwrap(client.api.collections[':id'].$patch({ param: { id: v.id }, json: { name: v.name } })),
      ...opts,
    }),
    duplicateCollection: useMutation({
      mutationFn: (id: string) => unwrap(client.api.collections[':id'].duplicate.$post({ param: { id } })),
      ...opts,
    }),
    copyCollection: useMutation({
      mutationFn: (v: { id: string; environmentId: string; move: boolean; name?: string }) =>
        unwrap(client.api.collections[':id'].copy.$post({ param: { id: v.id }, json: { environmentId: v.environmentId, move: v.move, name: v.name } })),
      // Both environments' trees change.
      onSettled: () => queryClient.invalidateQueries({ queryKey: collectionKeys.all }),
    }),
    reorderCollections: useMutation({
      mutationFn: (v: { id: string; position: number }) =>
        unwrap(client.api.environments[':id'].collections.reorder.$post({ param: { id: environmentId }, json: { items: [v] } })),
      onSuccess: (answer) => queryClient.setQueryData(collectionKeys.list(environmentId), answer.collections as CollectionView[]),
      ...opts,
    }),
    reorderItems: useMutation({
      mutationFn: (v: { collectionId: string; item: ReorderItem }) =>
        unwrap(client.api.collections[':id'].reorder.$post({ param: { id: v.collectionId }, json: { items: [v.item] } })),
      onSuccess: (updated) => replaceInList(queryClient, updated as CollectionView),
      ...opts,
    }),
    createFolder: useMutation({
      mutationFn: (v: { collectionId: string; name: string; parentId: string | null }) =>
        unwrap(client.api.collections[':id'].folders.$post({ param: { id: v.collectionId }, json: { name: v.name, parentId: v.parentId } })),
      ...opts,
    }),
    renameFolder: useMutation({
      mutationFn: (v: { collectionId: string; folderId: string; name: string }) =>
        unwrap(client.api.collections[':id'].folders[':folderId'].$patch({ param: { id: v.collectionId, folderId: v.folderId }, json: { name: v.name } })),
      ...opts,
    }),
    renameRequest: useMutation({
      mutationFn: (v: { collectionId: string; requestId: string; name: string }) =>
        unwrap(client.api.collections[':id'].requests[':requestId'].$patch({ param: { id: v.collectionId, requestId: v.requestId }, json: { name: v.name } })),
      ...opts,
    }),
  };
}

export type DeleteTarget =
  | { kind: 'collection'; collectionId: string; name: string }
  | { kind: 'folder'; collectionId: string; folderId: string; name: string }
  | { kind: 'request'; collectionId: string; requestId: string; name: string };

/** Deletes a collection, folder or request; the answer carries the undo token. */
export function deleteItem(target: DeleteTarget): Promise<Deleted> {
  switch (target.kind) {
    case 'collection':
      return unwrap(client.api.collections[':id'].$delete({ param: { id: target.collectionId } }));
    case 'folder':
      return unwrap(client.api.collections[':id'].folders[':folderId'].$delete({ param: { id: target.collectionId, folderId: target.folderId } }));
    case 'request':
      return unwrap(client.api.collections[':id'].requests[':requestId'].$delete({ param: { id: target.collectionId, requestId: target.requestId } }));
  }
}

/** Undoes a delete within the server's trash window. */
export function restoreDeleted(token: string) {
  return unwrap(client.api.trash[':token'].restore.$post({ param: { token } }));
}
