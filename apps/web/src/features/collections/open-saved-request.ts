import type { RequestTemplate } from '@kinde-explorer/core';
import { useAppStore } from '../../store/app-store.ts';
import { showToast } from '../command-palette/toast.tsx';
import { fetchSavedRequest } from './collections-queries.ts';
import { draftFromSaved, savedFingerprint } from './saved-template.ts';

export interface SavedRequestRef {
  environmentId: string;
  collectionId: string;
  requestId: string;
  name: string;
}

/** The open tab editing this saved request, if any. */
export function tabOfSavedRequest(requestId: string): string | null {
  const s = useAppStore.getState();
  const found = s.tabs.find((t) => t.kind === 'request' && s.savedTabs[t.id]?.requestId === requestId);
  return found?.id ?? null;
}

/**
 * Opens a saved request: focuses the tab already editing it (its unsaved changes stay), else reads
 * it from the server into a new tab bound to it, so Ctrl/Cmd+S updates it.
 */
export async function openSavedRequest(ref: SavedRequestRef): Promise<void> {
  const existing = tabOfSavedRequest(ref.requestId);
  if (existing) {
    useAppStore.getState().setActiveTab(existing);
    return;
  }
  try {
    const view = await fetchSavedRequest(ref.collectionId, ref.requestId);
    const template = view.request as RequestTemplate;
    const s = useAppStore.getState();
    // Opened twice quickly (double click): the first one won.
    const raced = tabOfSavedRequest(ref.requestId);
    if (raced) return s.setActiveTab(raced);
    const tabId = s.openRequestTab(draftFromSaved(template));
    s.bindSavedTab(tabId, {
      environmentId: ref.environmentId,
      collectionId: ref.collectionId,
      requestId: ref.requestId,
      name: view.name,
      updatedAt: view.updatedAt,
      fingerprint: savedFingerprint(template),
    });
  } catch (e) {
    showToast(`Could not open “${ref.name}”: ${(e as Error).message}`, 'error');
  }
}
