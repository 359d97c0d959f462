import { queryOptions } from '@tanstack/react-query';
import type { RequestTemplate } from '@kinde-explorer/core';
import { client, unwrap } from '../../lib/api-client.ts';
import { useAppStore } from '../../store/app-store.ts';
import { draftFromTemplate } from './draft-from-template.ts';
import { showToast } from './toast.tsx';

export interface SavedRequestItem {
  collectionId: string;
  collectionName: string;
  requestId: string;
  name: string;
  method: string;
  url: string;
}

type TreeNode = { type: 'folder'; items: TreeNode[] } | { type: 'request'; id: string; name: string; method: string; url: string };
type CollectionView = { id: string; name: string; items: TreeNode[] };

export const collectionsKey = (environmentId: string) => ['collections', environmentId] as const;

export const collectionsQuery = (environmentId: string) =>
  queryOptions({
    queryKey: collectionsKey(environmentId),
    queryFn: async (): Promise<CollectionView[]> =>
      (await unwrap(client.api.environments[':id'].collections.$get({ param: { id: environmentId } }))).collections as CollectionView[],
  });

/** Every saved request of the collections, folders flattened, in tree order. */
export function flattenSavedRequests(collections: readonly CollectionView[]): SavedRequestItem[] {
  const out: SavedRequestItem[] = [];
  const walk = (c: CollectionView, items: TreeNode[]) => {
    for (const node of items) {
      if (node.type === 'folder') walk(c, node.items);
      else out.push({ collectionId: c.id, collectionName: c.name, requestId: node.id, name: node.name, method: node.method, url: node.url });
    }
  };
  for (const c of collections) walk(c, c.items);
  return out;
}

type Opener = (item: SavedRequestItem & { environmentId: string }) => Promise<void> | void;
let opener: Opener | null = null;

/**
 * Lets the collections feature open saved requests its own way (a tab bound to the saved request,
 * so Ctrl/Cmd+S updates it). Without one, the palette opens a plain copy in a new tab.
 */
export function setSavedRequestOpener(open: Opener | null): void {
  opener = open;
}

/** Opens a saved request chosen in the palette. */
export async function openSavedRequest(item: SavedRequestItem, environmentId: string): Promise<void> {
  if (opener) return opener({ ...item, environmentId });
  try {
    const view = await unwrap(client.api.collections[':id'].requests[':requestId'].$get({ param: { id: item.collectionId, requestId: item.requestId } }));
    useAppStore.getState().openRequestTab(draftFromTemplate(view.request as RequestTemplate));
  } catch (e) {
    showToast(`Could not open “${item.name}”: ${(e as Error).message}`, 'error');
  }
}
