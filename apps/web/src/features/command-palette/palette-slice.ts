import type { StateCreator } from 'zustand';
import type { AppState } from '../../store/app-store.ts';

/** `all`: everything; `environments`: only environments (Ctrl/Cmd+E). */
export type PaletteMode = 'all' | 'environments';

/** Where a tab was saved, so the next Ctrl/Cmd+S updates it instead of saving a copy. */
export interface SavedRef {
  collectionId: string;
  requestId: string;
}

export interface PaletteSlice {
  paletteMode: PaletteMode | null;
  shortcutsOpen: boolean;
  /** By tab id; persisted with the tabs. */
  savedRequests: Record<string, SavedRef>;
  openPalette: (mode?: PaletteMode) => void;
  closePalette: () => void;
  setShortcutsOpen: (open: boolean) => void;
  setSavedRequest: (tabId: string, ref: SavedRef | null) => void;
}

export const createPaletteSlice: StateCreator<AppState, [], [], PaletteSlice> = (set) => ({
  paletteMode: null,
  shortcutsOpen: false,
  savedRequests: {},
  openPalette: (mode = 'all') => set({ paletteMode: mode }),
  closePalette: () => set({ paletteMode: null }),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  setSavedRequest: (tabId, ref) =>
    set((s) => {
      const { [tabId]: _old, ...rest } = s.savedRequests;
      return { savedRequests: ref ? { ...rest, [tabId]: ref } : rest };
    }),
});
