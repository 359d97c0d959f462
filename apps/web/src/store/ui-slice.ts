import type { StateCreator } from 'zustand';
import type { AppState } from './app-store.ts';

export type ThemePreference = 'system' | 'light' | 'dark';
export type RequestSection = 'params' | 'headers' | 'body' | 'auth' | 'tests';
export type ResponseView = 'pretty' | 'raw' | 'headers' | 'tests';

export interface UiSlice {
  theme: ThemePreference;
  /** The environment requests are sent with; an id only, the environment lives in the query cache. */
  activeEnvironmentId: string | null;
  /** Share of the main column given to the request editor (0.2–0.8). */
  splitRatio: number;
  /** The sub-tab (Params, Headers, Body, Auth) each request tab shows; a tab not listed shows Params. */
  requestSections: Record<string, RequestSection>;
  responseView: ResponseView;
  setTheme: (theme: ThemePreference) => void;
  setActiveEnvironment: (id: string | null) => void;
  setSplitRatio: (ratio: number) => void;
  setRequestSection: (tabId: string, section: RequestSection) => void;
  setResponseView: (view: ResponseView) => void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  theme: 'system',
  activeEnvironmentId: null,
  splitRatio: 0.45,
  requestSections: {},
  responseView: 'pretty',
  setTheme: (theme) => set({ theme }),
  setActiveEnvironment: (activeEnvironmentId) => set({ activeEnvironmentId }),
  setSplitRatio: (ratio) => set({ splitRatio: Math.min(0.8, Math.max(0.2, ratio)) }),
  setRequestSection: (tabId, section) => set((s) => ({ requestSections: { ...s.requestSections, [tabId]: section } })),
  setResponseView: (responseView) => set({ responseView }),
});
