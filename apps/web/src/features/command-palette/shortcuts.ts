/*
 * The documented keyboard shortcuts. Browsers keep Ctrl/Cmd+T, +W and +N for their own tabs and
 * windows (a page can never receive them), so new tab is Alt+T (or Ctrl/Cmd+Alt+N) and close tab
 * Alt+W. Ctrl/Cmd+K, +E, +S and +Enter reach the page and are taken over while it has focus.
 */

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';
const alt = isMac ? '⌥' : 'Alt+';

export type ShortcutId = 'palette' | 'send' | 'save' | 'newTab' | 'closeTab' | 'switchEnvironment' | 'help';

export interface Shortcut {
  id: ShortcutId;
  action: string;
  /** As shown on this platform. */
  keys: string[];
  /** For `aria-keyshortcuts`. */
  aria: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'palette', action: 'Command palette: go to any operation, saved request, environment or action', keys: [`${mod}K`], aria: 'Control+K Meta+K' },
  { id: 'send', action: 'Send the request', keys: [`${mod}Enter`], aria: 'Control+Enter Meta+Enter' },
  { id: 'save', action: 'Save the request', keys: [`${mod}S`], aria: 'Control+S Meta+S' },
  { id: 'newTab', action: 'New request tab', keys: [`${alt}T`, `${mod}${alt}N`], aria: 'Alt+T Control+Alt+N Meta+Alt+N' },
  { id: 'closeTab', action: 'Close the tab', keys: [`${alt}W`], aria: 'Alt+W' },
  { id: 'switchEnvironment', action: 'Switch environment', keys: [`${mod}E`], aria: 'Control+E Meta+E' },
  { id: 'help', action: 'Keyboard shortcuts (this list)', keys: ['?'], aria: 'Shift+?' },
];

export function shortcutLabel(id: ShortcutId): string {
  return SHORTCUTS.find((s) => s.id === id)?.keys[0] ?? '';
}

export interface KeyLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/**
 * Which shortcut a key press is, if any. Letters are read from `code`, because with Alt on a Mac
 * `key` is a special character (⌥T types "†"). `inText`: focus is in a text field, where "?" types.
 */
export function matchShortcut(e: KeyLike, inText: boolean): ShortcutId | null {
  const mod = e.ctrlKey || e.metaKey;
  if (mod && !e.altKey && !e.shiftKey && e.code === 'KeyK') return 'palette';
  if (mod && !e.altKey && !e.shiftKey && e.code === 'KeyS') return 'save';
  if (mod && !e.altKey && !e.shiftKey && e.code === 'KeyE') return 'switchEnvironment';
  if (mod && e.altKey && e.code === 'KeyN') return 'newTab';
  if (!mod && e.altKey && !e.shiftKey && e.code === 'KeyT') return 'newTab';
  if (!mod && e.altKey && !e.shiftKey && e.code === 'KeyW') return 'closeTab';
  if (!inText && !mod && !e.altKey && e.key === '?') return 'help';
  return null;
}
