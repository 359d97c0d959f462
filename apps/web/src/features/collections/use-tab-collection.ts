import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useAppStore } from '../../store/app-store.ts';
import { collectionsQuery } from './collections-queries.ts';

export interface TabCollection {
  /** The collection of the tab's saved request, when it belongs to the active environment. */
  collectionId: string | undefined;
  /** The saved request itself (then `collectionId` is set): its folders' scripts run around the send. */
  savedRequestId: string | undefined;
  /** Its enabled variables with a value: they resolve `{{name}}` where the environment has none. */
  names: ReadonlySet<string>;
}

/** The id of the collection a tab's saved request lives in, if it is in this environment (else the server refuses it). */
export function tabCollectionId(tabId: string, environmentId: string | null): string | undefined {
  const saved = useAppStore.getState().savedTabs[tabId];
  return saved && saved.environmentId === environmentId ? saved.collectionId : undefined;
}

/** The collection a tab's saved request lives in, as sending it resolves variables (Postman: environment over collection). */
export function useTabCollection(tabId: string, environmentId: string | null): TabCollection {
  const saved = useAppStore((s) => s.savedTabs[tabId]);
  const inEnvironment = saved && saved.environmentId === environmentId ? saved : undefined;
  const collectionId = inEnvironment?.collectionId;
  const savedRequestId = inEnvironment?.requestId;
  const { data } = useQuery({ ...collectionsQuery(environmentId ?? ''), enabled: collectionId !== undefined && environmentId !== null });
  return useMemo(() => {
    const collection = collectionId ? data?.find((c) => c.id === collectionId) : undefined;
    const names = new Set((collection?.variables ?? []).filter((v) => v.enabled !== false && v.value !== '').map((v) => v.key));
    return { collectionId, savedRequestId, names };
  }, [collectionId, savedRequestId, data]);
}
