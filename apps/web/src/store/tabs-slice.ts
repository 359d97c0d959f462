import type { StateCreator } from 'zustand';
import { newId } from '../lib/ids.ts';
import { newDraft, type RequestDraft } from '../lib/core-request-draft.ts';
import type { AppState } from './app-store.ts';

/** A request tab edits a draft; an environment tab edits one environment (or a new one); a runner tab runs a collection or folder. */
export type Tab =
  | { kind: 'request'; id: string }
  | { kind: 'environment'; id: string; environmentId: string | null }
  | ({ kind: 'runner'; id: string } & RunnerTarget);

/** What a Runner tab runs: a collection (folderId null) or one folder, and the environment the collection lives in. */
export type RunnerTarget = { collectionId: string; folderId: string | null; name: string; environmentId: string };

export interface TabsSlice {
  tabs: Tab[];
  activeTabId: string | null;
  openRequestTab: (draft?: Partial<RequestDraft>) => string;
  /** From the API catalog: focuses the tab already calling the operation, else opens one with `draft`. */
  openOperationTab: (operationId: string, draft: Partial<RequestDraft>) => string;
  /** Focuses the environment's tab if open, else opens one; `null` opens a "new environment" tab. */
  openEnvironmentTab: (environmentId: string | null) => string;
  /** Focuses the Runner of that collection or folder if open, else opens one. */
  openRunnerTab: (target: RunnerTarget) => string;
  /** After a new environment was saved, its tab now edits the saved one. */
  bindEnvironmentTab: (tabId: string, environmentId: string) => void;
  closeTab: (tabId: string) => void;
  closeEnvironmentTabs: (environmentId: string) => void;
  setActiveTab: (tabId: string) => void;
}

export const createTabsSlice: StateCreator<AppState, [], [], TabsSlice> = (set, get) => ({
  tabs: [],
  activeTabId: null,
  openRequestTab: (draft) => {
    const id = newId('tab');
    set((s) => ({
      tabs: [...s.tabs, { kind: 'request', id }],
      activeTabId: id,
      drafts: { ...s.drafts, [id]: newDraft(draft) },
    }));
    return id;
  },
  openOperationTab: (operationId, draft) => {
    const { tabs, drafts } = get();
    const existing = tabs.find((t) => t.kind === 'request' && drafts[t.id]?.operationId === operationId);
    if (existing) {
      set({ activeTabId: existing.id });
      return existing.id;
    }
    return get().openRequestTab({ ...draft, operationId });
  },
  openEnvironmentTab: (environmentId) => {
    const existing = environmentId
      ? get().tabs.find((t) => t.kind === 'environment' && t.environmentId === environmentId)
      : undefined;
    if (existing) {
      set({ activeTabId: existing.id });
      return existing.id;
    }
    const id = newId('env-tab');
    set((s) => ({ tabs: [...s.tabs, { kind: 'environment', id, environmentId }], activeTabId: id }));
    return id;
  },
  openRunnerTab: (target) => {
    const existing = get().tabs.find((t) => t.kind === 'runner' && t.collectionId === target.collectionId && t.folderId === target.folderId);
    if (existing) {
      set({ activeTabId: existing.id });
      return existing.id;
    }
    const id = newId('run-tab');
    set((s) => ({ tabs: [...s.tabs, { kind: 'runner', id, ...target }], activeTabId: id }));
    return id;
  },
  bindEnvironmentTab: (tabId, environmentId) =>
    set((s) => ({
      tabs: s.tabs.map((t) => (t.id === tabId && t.kind === 'environment' ? { ...t, environmentId } : t)),
    })),
  closeTab: (tabId) =>
    set((s) => {
      const index = s.tabs.findIndex((t) => t.id === tabId);
      if (index < 0) return s;
      const tabs = s.tabs.filter((t) => t.id !== tabId);
      const { [tabId]: _closed, ...drafts } = s.drafts;
      const { [tabId]: _section, ...requestSections } = s.requestSections;
      // Like a browser: focus moves to the neighbour on the right, else the left.
      const neighbour = tabs[index] ?? tabs[index - 1] ?? null;
      const activeTabId = s.activeTabId === tabId ? (neighbour?.id ?? null) : s.activeTabId;
      return { tabs, drafts, requestSections, activeTabId };
    }),
  closeEnvironmentTabs: (environmentId) => {
    for (const tab of get().tabs) {
      if (tab.kind === 'environment' && tab.environmentId === environmentId) get().closeTab(tab.id);
    }
  },
  setActiveTab: (tabId) => set({ activeTabId: tabId }),
});
