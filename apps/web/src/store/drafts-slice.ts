import type { StateCreator } from 'zustand';
import type { RequestDraft } from '../lib/core-request-draft.ts';
import type { AppState } from './app-store.ts';

export interface DraftsSlice {
  /** Unsaved request drafts by tab id; they survive a reload. */
  drafts: Record<string, RequestDraft>;
  updateDraft: (tabId: string, change: Partial<RequestDraft> | ((draft: RequestDraft) => Partial<RequestDraft>)) => void;
}

export const createDraftsSlice: StateCreator<AppState, [], [], DraftsSlice> = (set) => ({
  drafts: {},
  updateDraft: (tabId, change) =>
    set((s) => {
      const draft = s.drafts[tabId];
      if (!draft) return s;
      const patch = typeof change === 'function' ? change(draft) : change;
      return { drafts: { ...s.drafts, [tabId]: { ...draft, ...patch } } };
    }),
});
