import type { StateCreator } from 'zustand';
import type { AppState } from './app-store.ts';

export type ThemePreference = 'system' | 'light' | 'dark';
export type RequestSection = 'params' | 'headers' | 'body' | 'auth' | 'tests';
export type ResponseView = 'pretty' | 'raw' | 'headers' | 'tests';

/** The sidebar's width in px: the default, and how narrow or wide it may be dragged. */
export const SIDEBAR_WIDTH = { initial: 252, min: 200, max: 520 } as const;

export interface UiSlice {
  theme: ThemePreference;
  /** The environment requests are sent with; an id only, the environment lives in the query cache. */
  activeEnvironmentId: string | null;
  /** Share of the main column given to the request editor (0.2–0.8); null: it fits its content. */
  splitRatio: number | null;
  /** Width of the sidebar in px, dragged by its edge (see SIDEBAR_WIDTH). */
  sidebarWidth: number;
  /** The sub-tab (Params, Headers, Body, Auth) each request tab shows; a tab not listed shows Params. */
  requestSections: Record<string, RequestSection>;
  responseView: ResponseView;
  setTheme: (theme: ThemePreference) => void;
  setActiveEnvironment: (id: string | null) => void;
  setSplitRatio: (ratio: number | null) => void;
  setSidebarWidth: (px: number) => void;
  setRequestSection: (tabId: string, section: RequestSection) => void;
  setResponseView: (view: ResponseView) => void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  theme: 'system',
  activeEnvironmentId: null,
  splitRatio: null,
  requestSections: {},
  responseView: 'pretty',
  setTheme: (theme) => set({ theme }),
  setActiveEnvironment: (activeEnvironmentId) => set({ activeEnvironmentId }),
  sidebarWidth: SIDEBAR_WIDTH.initial,
  setSidebarWidth: (px) => set({ sidebarWidth: Math.round(Math.min(SIDEBAR_WIDTH.max, Math.max(SIDEBAR_WIDTH.min, px))) }),
  setSplitRatio: (ratio) => set({ splitRatio: ratio === null ? null : Math.min(0.8, Math.max(0.2, ratio)) }),
  setRequestSection: (tabId, section) => set((s) => ({ requestSections: { ...s.requestSections, [tabId]: section } })),
  setResponseView: (responseView) => set({ responseView }),
});
