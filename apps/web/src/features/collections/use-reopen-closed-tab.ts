import { useEffect } from 'react';
import { useAppStore } from '../../store/app-store.ts';
import { showToast } from '../command-palette/toast.tsx';
import { draftTitle, newDraft } from '../../lib/core-request-draft.ts';
import { draftFingerprint } from './saved-template.ts';

/**
 * Closing a tab with unsaved changes (× button, middle click, Alt+W, the palette) never loses
 * them: a toast offers "Reopen", which brings back the draft, still bound to its saved request.
 * Watching the store keeps every close path unaware of it.
 */
export function useReopenClosedTab(): void {
  useEffect(
    () =>
      useAppStore.subscribe((state, prev) => {
        if (state.tabs === prev.tabs) return;
        const open = new Set(state.tabs.map((t) => t.id));
        for (const tab of prev.tabs) {
          if (tab.kind !== 'request' || open.has(tab.id)) continue;
          const draft = prev.drafts[tab.id];
          if (!draft) continue;
          const saved = prev.savedTabs[tab.id];
          const fingerprint = draftFingerprint(draft);
          const changed = saved ? fingerprint !== saved.fingerprint : fingerprint !== draftFingerprint(newDraft());
          if (!changed) continue;
          showToast(`Closed “${saved?.name ?? draftTitle(draft)}” with unsaved changes.`, 'info', {
            action: {
              label: 'Reopen',
              run: () => {
                const s = useAppStore.getState();
                const tabId = s.openRequestTab(draft);
                if (saved) s.bindSavedTab(tabId, saved);
              },
            },
          });
        }
      }),
    [],
  );
}
