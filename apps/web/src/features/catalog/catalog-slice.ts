import type { StateCreator } from 'zustand';
import type { AppState } from '../../store/app-store.ts';

export interface CatalogSlice {
  /**
   * Whether the operation docs show beside the builder in catalog tabs (a preference, persisted);
   * null until the user chooses: then they show on wide screens only (see useDocsOpen).
   */
  docsOpen: boolean | null;
  setDocsOpen: (open: boolean) => void;
}

export const createCatalogSlice: StateCreator<AppState, [], [], CatalogSlice> = (set) => ({
  docsOpen: null,
  setDocsOpen: (docsOpen) => set({ docsOpen }),
});

/** Below this window width the docs start collapsed, leaving the builder the room. */
export const DOCS_OPEN_MIN_WIDTH = 1280;
