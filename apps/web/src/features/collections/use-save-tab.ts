import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiClientError } from '../../lib/api-error.ts';
import { useAppStore } from '../../store/app-store.ts';
import { showToast } from '../command-palette/toast.tsx';
import { fetchSavedRequest } from './collections-queries.ts';
import { afterSave, loadStoredVersion, putSavedRequest } from './save-request.ts';
import { draftFingerprint } from './saved-template.ts';

/** Which question the save flow is asking: where to save a new request, or what to do about a conflict. */
export type SaveDialogState = { kind: 'new' } | { kind: 'conflict' } | { kind: 'gone' } | null;

/** Failure text that says the tab still has everything, so nobody retypes a request. */
export function saveFailureText(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return `Not saved: ${message} Your changes are still in this tab.`;
}

/**
 * Ctrl/Cmd+S for one tab. A tab opened from a saved request is PUT with the `updatedAt` it was
 * loaded with; a newer save elsewhere (409) asks whether to overwrite or load that version; a
 * deleted one (404) offers to save anew. A tab never saved asks where to save it. A failure
 * leaves the draft untouched.
 */
export function useSaveTab(tabId: string) {
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<SaveDialogState>(null);
  const [saving, setSaving] = useState(false);

  const save = useCallback(
    async (options: { overwrite?: boolean } = {}) => {
      const s = useAppStore.getState();
      const draft = s.drafts[tabId];
      const saved = s.savedTabs[tabId];
      if (!draft) return;
      if (!saved) return setDialog({ kind: 'new' });
      const sent = draftFingerprint(draft);
      setSaving(true);
      try {
        const view = await putSavedRequest(saved, draft, options.overwrite);
        setDialog(null);
        afterSave(queryClient, tabId, saved.environmentId, view, sent);
      } catch (e) {
        if (e instanceof ApiClientError && e.status === 409) setDialog({ kind: 'conflict' });
        else if (e instanceof ApiClientError && e.status === 404) setDialog({ kind: 'gone' });
        else showToast(saveFailureText(e), 'error', { durationMs: 8000 });
      } finally {
        setSaving(false);
      }
    },
    [queryClient, tabId],
  );

  /** Conflict → "Load saved version": the user chose to drop this tab's changes. */
  const reload = useCallback(async () => {
    const saved = useAppStore.getState().savedTabs[tabId];
    if (!saved) return setDialog(null);
    setSaving(true);
    try {
      const view = await fetchSavedRequest(saved.collectionId, saved.requestId);
      loadStoredVersion(tabId, saved.environmentId, view);
      setDialog(null);
      showToast(`Loaded the saved version of “${view.name}”.`);
    } catch (e) {
      showToast(`Could not load the saved version: ${(e as Error).message}`, 'error');
    } finally {
      setSaving(false);
    }
  }, [tabId]);

  return { dialog, setDialog, save, reload, saving };
}
