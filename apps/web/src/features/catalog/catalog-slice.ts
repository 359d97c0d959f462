import type { StateCreator } from 'zustand';
import type { AppState } from '../../store/app-store.ts';

export interface CatalogSlice {
  /** Whether the operation docs show beside the builder in catalog tabs (a preference, persisted). */
  docsOpen: boolean;
  setDocsOpen: (open: boolean) => void;
}

export const createCatalogSlice: StateCreator<AppState, [], [], CatalogSlice> = (set) => ({
  docsOpen: true,
  setDocsOpen: (docsOpen) => set({ docsOpen }),
});
