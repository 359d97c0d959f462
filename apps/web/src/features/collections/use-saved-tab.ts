import { useMemo } from 'react';
import { useAppStore } from '../../store/app-store.ts';
import type { SavedTab } from './collections-slice.ts';
import { draftFingerprint } from './saved-template.ts';

/** The saved request a tab edits (if any) and whether its draft has unsaved changes. */
export function useSavedTab(tabId: string): { saved: SavedTab | undefined; dirty: boolean } {
  const saved = useAppStore((s) => s.savedTabs[tabId]);
  const draft = useAppStore((s) => s.drafts[tabId]);
  const dirty = useMemo(() => Boolean(saved && draft && draftFingerprint(draft) !== saved.fingerprint), [saved, draft]);
  return { saved, dirty };
}
