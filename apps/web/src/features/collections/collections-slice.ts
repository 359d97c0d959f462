import type { StateCreator } from 'zustand';
import type { AppState } from '../../store/app-store.ts';

/** The saved request a tab edits: Ctrl/Cmd+S updates it, and the tab is dirty while it differs. */
export interface SavedTab {
  environmentId: string;
  collectionId: string;
  requestId: string;
  name: string;
  /** The `updatedAt` the tab was loaded or last saved with; sent back so a newer save elsewhere is not overwritten. */
  updatedAt: string;
  /** The saved version's fingerprint (see saved-template.ts); the draft differs from it → unsaved changes. */
  fingerprint: string;
}

export interface CollectionsSlice {
  /** By tab id; persisted with the tabs so a reload keeps both the draft and what it was saved as. */
  savedTabs: Record<string, SavedTab>;
  /** Expanded collections and folders in the sidebar tree. */
  expandedTreeIds: string[];
  bindSavedTab: (tabId: string, saved: SavedTab | null) => void;
  setTreeExpanded: (id: string, expanded: boolean) => void;
}

export const createCollectionsSlice: StateCreator<AppState, [], [], CollectionsSlice> = (set) => ({
  savedTabs: {},
  expandedTreeIds: [],
  bindSavedTab: (tabId, saved) =>
    set((s) => {
      // Forget closed tabs on the way, so the persisted map does not grow forever.
      const open = new Set(s.tabs.map((t) => t.id));
      const kept = Object.fromEntries(Object.entries(s.savedTabs).filter(([id]) => id !== tabId && open.has(id)));
      return { savedTabs: saved ? { ...kept, [tabId]: saved } : kept };
    }),
  setTreeExpanded: (id, expanded) =>
    set((s) => {
      const has = s.expandedTreeIds.includes(id);
      if (has === expanded) return s;
      return { expandedTreeIds: expanded ? [...s.expandedTreeIds, id] : s.expandedTreeIds.filter((x) => x !== id) };
    }),
});
