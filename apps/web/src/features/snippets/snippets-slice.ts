import type { StateCreator } from 'zustand';
import type { AppState } from '../../store/app-store.ts';
import type { SnippetTarget } from './snippet-targets.ts';

export type TokenStyle = 'placeholder' | 'env';

export interface SnippetsSlice {
  /** The language last picked in a code panel; the next one opens with it. Persisted. */
  snippetTarget: SnippetTarget;
  snippetTokenStyle: TokenStyle;
  setSnippetTarget: (target: SnippetTarget) => void;
  setSnippetTokenStyle: (style: TokenStyle) => void;
}

export const createSnippetsSlice: StateCreator<AppState, [], [], SnippetsSlice> = (set) => ({
  snippetTarget: 'curl',
  snippetTokenStyle: 'placeholder',
  setSnippetTarget: (snippetTarget) => set({ snippetTarget }),
  setSnippetTokenStyle: (snippetTokenStyle) => set({ snippetTokenStyle }),
});
