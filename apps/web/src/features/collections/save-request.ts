import type { QueryClient } from '@tanstack/react-query';
import type { RequestTemplate } from '@kinde-explorer/core';
import { client, unwrap } from '../../lib/api-client.ts';
import { useAppStore } from '../../store/app-store.ts';
import { showToast } from '../command-palette/toast.tsx';
import type { RequestDraft } from '../../lib/core-request-draft.ts';
import type { SavedTab } from './collections-slice.ts';
import { collectionKeys, type SavedRequestView } from './collections-queries.ts';
import { draftFingerprint, draftFromSaved, savedFingerprint, templateFromDraft } from './saved-template.ts';

/** `PUT` the tab's draft over its saved request; `overwrite` skips the check for a newer save elsewhere. */
export function putSavedRequest(saved: SavedTab, draft: RequestDraft, overwrite = false): Promise<SavedRequestView> {
  return unwrap(
    client.api.collections[':id'].requests[':requestId'].$put({
      param: { id: saved.collectionId, requestId: saved.requestId },
      json: { name: saved.name, request: templateFromDraft(draft), ...(overwrite ? {} : { expectedUpdatedAt: saved.updatedAt }) },
    }),
  );
}

export interface NewSaveInput {
  collectionId: string;
  folderId: string | null;
  name: string;
  request: RequestTemplate;
}

export function createSavedRequest(input: NewSaveInput): Promise<SavedRequestView> {
  return unwrap(
    client.api.collections[':id'].requests.$post({
      param: { id: input.collectionId },
      json: { name: input.name, folderId: input.folderId, request: input.request },
    }),
  );
}

/**
 * After the server stored a tab: bind the tab to what was stored, tell the user what the server
 * changed (a pasted token removed, say), and refresh the tree. When the server changed the request
 * and the user typed nothing meanwhile, the draft takes the stored version, so the tab is clean.
 */
export function afterSave(queryClient: QueryClient, tabId: string, environmentId: string, view: SavedRequestView, sentFingerprint: string): void {
  const s = useAppStore.getState();
  const template = view.request as RequestTemplate;
  const fingerprint = savedFingerprint(template);
  const draft = s.drafts[tabId];
  if (draft && fingerprint !== sentFingerprint && draftFingerprint(draft) === sentFingerprint) {
    s.updateDraft(tabId, draftFromSaved(template));
  }
  bindToSaved(tabId, environmentId, view, fingerprint);
  void queryClient.invalidateQueries({ queryKey: collectionKeys.list(environmentId) });
  const notices = view.notices ?? [];
  showToast(`Saved “${view.name}”.`);
  // Longer than a plain toast: these say what was removed from the request and why.
  for (const notice of notices) showToast(notice, 'info', { durationMs: 12_000 });
}

/** Replaces the tab's draft with the stored version (the user chose to drop their changes). */
export function loadStoredVersion(tabId: string, environmentId: string, view: SavedRequestView): void {
  const s = useAppStore.getState();
  const template = view.request as RequestTemplate;
  s.updateDraft(tabId, draftFromSaved(template));
  bindToSaved(tabId, environmentId, view, savedFingerprint(template));
}

/** Marks the tab as showing the saved request `view` (for Ctrl/Cmd+S, the dirty dot and conflicts). */
function bindToSaved(tabId: string, environmentId: string, view: SavedRequestView, fingerprint: string): void {
  useAppStore.getState().bindSavedTab(tabId, {
    environmentId,
    collectionId: view.collectionId,
    requestId: view.id,
    name: view.name,
    updatedAt: view.updatedAt,
    fingerprint,
  });
}
