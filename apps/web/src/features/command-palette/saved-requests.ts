import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { RequestTemplate } from '@kinde-explorer/core';
import { client, unwrap } from '../../lib/api-client.ts';
import { ApiClientError } from '../../lib/api-error.ts';
import { useAppStore } from '../../store/app-store.ts';
import { draftTitle, toRequestTemplate } from '../request-editor/request-draft.ts';
import { draftFromTemplate } from './draft-from-template.ts';
import { showToast } from './toast.tsx';

/** The collection Ctrl/Cmd+S saves into when the tab was not opened from a saved request. */
export const DEFAULT_COLLECTION = 'Saved requests';

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

/** Ctrl/Cmd+S: saves the active request tab; the first save goes into "Saved requests", later ones update it. */
export function useSaveActiveRequest(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    const s = useAppStore.getState();
    const tab = s.tabs.find((t) => t.id === s.activeTabId);
    const draft = tab?.kind === 'request' ? s.drafts[tab.id] : undefined;
    const environmentId = s.activeEnvironmentId;
    if (!tab || !draft) return showToast('Open a request tab to save it.');
    if (!environmentId) return showToast('Choose an environment first: saved requests belong to one.');
    const name = draftTitle(draft);
    const request: RequestTemplate = toRequestTemplate(draft);
    try {
      const ref = s.savedRequests[tab.id];
      let collectionName = DEFAULT_COLLECTION;
      let saved = false;
      if (ref) {
        try {
          await unwrap(client.api.collections[':id'].requests[':requestId'].$put({ param: { id: ref.collectionId, requestId: ref.requestId }, json: { name, request } }));
          saved = true;
          collectionName = (await queryClient.fetchQuery(collectionsQuery(environmentId))).find((c) => c.id === ref.collectionId)?.name ?? collectionName;
        } catch (e) {
          // Deleted since: save it anew below.
          if (!(e instanceof ApiClientError && e.status === 404)) throw e;
        }
      }
      if (!saved) {
        const collections = await queryClient.fetchQuery(collectionsQuery(environmentId));
        const target =
          collections.find((c) => c.name === DEFAULT_COLLECTION) ??
          ((await unwrap(client.api.environments[':id'].collections.$post({ param: { id: environmentId }, json: { name: DEFAULT_COLLECTION } }))) as CollectionView);
        const created = await unwrap(client.api.collections[':id'].requests.$post({ param: { id: target.id }, json: { name, request } }));
        s.setSavedRequest(tab.id, { collectionId: target.id, requestId: created.id });
      }
      await queryClient.invalidateQueries({ queryKey: collectionsKey(environmentId) });
      showToast(`Saved “${name}” to ${collectionName}.`);
    } catch (e) {
      showToast(`Could not save: ${(e as Error).message}`, 'error');
    }
  }, [queryClient]);
}

/** Opens a saved request in a new tab bound to it (so Ctrl/Cmd+S updates it). */
export async function openSavedRequest(item: SavedRequestItem): Promise<void> {
  try {
    const view = await unwrap(client.api.collections[':id'].requests[':requestId'].$get({ param: { id: item.collectionId, requestId: item.requestId } }));
    const s = useAppStore.getState();
    const tabId = s.openRequestTab(draftFromTemplate(view.request as RequestTemplate));
    s.setSavedRequest(tabId, { collectionId: item.collectionId, requestId: item.requestId });
  } catch (e) {
    showToast(`Could not open “${item.name}”: ${(e as Error).message}`, 'error');
  }
}
