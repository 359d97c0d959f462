import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { createDraftsSlice, type DraftsSlice } from './drafts-slice.ts';
import { createTabsSlice, type TabsSlice } from './tabs-slice.ts';
import { createUiSlice, type UiSlice } from './ui-slice.ts';
import { createCatalogSlice, type CatalogSlice } from '../features/catalog/catalog-slice.ts';
import { createDemoSlice, type DemoSlice } from '../features/demo/demo-slice.ts';
import { createSnippetsSlice, type SnippetsSlice } from '../features/snippets/snippets-slice.ts';
import { createPaletteSlice, type PaletteSlice } from '../features/command-palette/palette-slice.ts';
import { createCollectionsSlice, type CollectionsSlice } from '../features/collections/collections-slice.ts';

export type AppState = TabsSlice & DraftsSlice & UiSlice & CatalogSlice & DemoSlice & SnippetsSlice & PaletteSlice & CollectionsSlice;

/** The persisted key; public/theme-init.js reads the theme from it before first paint. */
export const STORAGE_KEY = 'kinde-explorer:ui';

/**
 * One store for UI state. Only tabs, request drafts and preferences are persisted: server data
 * stays in the query cache and environment edits (which may hold a secret) stay in components.
 */
export const useAppStore = create<AppState>()(
  persist(
    (...a) => ({ ...createTabsSlice(...a), ...createDraftsSlice(...a), ...createUiSlice(...a), ...createCatalogSlice(...a), ...createDemoSlice(...a), ...createSnippetsSlice(...a), ...createPaletteSlice(...a), ...createCollectionsSlice(...a) }),
    {
      name: STORAGE_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({
        // Environment tabs are not restored: their edits were never saved anywhere.
        tabs: s.tabs.filter((t) => t.kind === 'request'),
        activeTabId: s.tabs.some((t) => t.id === s.activeTabId && t.kind === 'request') ? s.activeTabId : null,
        drafts: s.drafts,
        theme: s.theme,
        activeEnvironmentId: s.activeEnvironmentId,
        splitRatio: s.splitRatio,
        sidebarWidth: s.sidebarWidth,
        requestSections: s.requestSections,
        responseView: s.responseView,
        docsOpen: s.docsOpen,
        presentationMode: s.presentationMode,
        maskPersonalData: s.maskPersonalData,
        snippetTarget: s.snippetTarget,
        snippetTokenStyle: s.snippetTokenStyle,
        savedTabs: s.savedTabs,
        expandedTreeIds: s.expandedTreeIds,
      }),
    },
  ),
);
