const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** How the send shortcut is written on this platform. */
export const SEND_SHORTCUT = isMac ? '⌘ Enter' : 'Ctrl+Enter';
