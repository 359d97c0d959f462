import type { StateCreator } from 'zustand';
import type { AppState } from '../../store/app-store.ts';

/** `all`: everything; `environments`: only environments (Ctrl/Cmd+E). */
export type PaletteMode = 'all' | 'environments';

export interface PaletteSlice {
  paletteMode: PaletteMode | null;
  shortcutsOpen: boolean;
  openPalette: (mode?: PaletteMode) => void;
  closePalette: () => void;
  setShortcutsOpen: (open: boolean) => void;
}

export const createPaletteSlice: StateCreator<AppState, [], [], PaletteSlice> = (set) => ({
  paletteMode: null,
  shortcutsOpen: false,
  openPalette: (mode = 'all') => set({ paletteMode: mode }),
  closePalette: () => set({ paletteMode: null }),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
});
