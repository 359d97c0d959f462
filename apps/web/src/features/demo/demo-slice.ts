import type { StateCreator } from 'zustand';
import type { AppState } from '../../store/app-store.ts';

export interface DemoSlice {
  /** Presentation mode: larger type, every environment value shown as `••••`. Persisted (not a secret). */
  presentationMode: boolean;
  /** Mask emails, people's names and phone numbers in responses. Persisted. */
  maskPersonalData: boolean;
  setPresentationMode: (on: boolean) => void;
  setMaskPersonalData: (on: boolean) => void;
}

export const createDemoSlice: StateCreator<AppState, [], [], DemoSlice> = (set) => ({
  presentationMode: false,
  maskPersonalData: false,
  setPresentationMode: (presentationMode) => set({ presentationMode }),
  setMaskPersonalData: (maskPersonalData) => set({ maskPersonalData }),
});
