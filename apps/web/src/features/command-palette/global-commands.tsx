import { useEffect } from 'react';
import { useAppStore } from '../../store/app-store.ts';
import { CommandPalette } from './command-palette.tsx';
import { runCommand } from './command-registry.ts';
import { matchShortcut } from './shortcuts.ts';
import { ShortcutsDialog } from './shortcuts-dialog.tsx';
import { showToast, Toasts } from './toast.tsx';
import './command-palette.css';

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || Boolean(target.closest('.monaco-editor'));
}

/**
 * The app-wide keyboard layer: the documented shortcuts (see shortcuts.ts), the command palette,
 * the shortcuts help and toasts. Listens in the capture phase so Monaco's own Ctrl+K chord and
 * Ctrl+S do not swallow them. Ctrl/Cmd+Enter stays with the request editor, which owns sending.
 */
export function GlobalCommands() {
  const paletteMode = useAppStore((s) => s.paletteMode);
  const shortcutsOpen = useAppStore((s) => s.shortcutsOpen);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const id = matchShortcut(e, isTextField(e.target));
      if (!id || id === 'send') return;
      const s = useAppStore.getState();
      // Ctrl/Cmd+S belongs to whatever the active tab edits: an environment tab saves itself.
      if (id === 'save' && s.tabs.find((t) => t.id === s.activeTabId)?.kind !== 'request') return;
      e.preventDefault();
      e.stopPropagation();
      switch (id) {
        case 'palette':
          return s.paletteMode === 'all' ? s.closePalette() : s.openPalette('all');
        case 'switchEnvironment':
          return s.openPalette('environments');
        case 'save':
          // The active tab's save (collections feature) registers this; the browser's "Save page" never opens.
          if (!runCommand('request.save')) showToast('Open a request tab to save it.');
          return;
        case 'newTab':
          return void s.openRequestTab();
        case 'closeTab':
          return s.activeTabId ? s.closeTab(s.activeTabId) : undefined;
        case 'help':
          return s.setShortcutsOpen(true);
      }
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, []);

  return (
    <>
      {paletteMode && <CommandPalette key={paletteMode} mode={paletteMode} />}
      {shortcutsOpen && <ShortcutsDialog />}
      <Toasts />
    </>
  );
}
