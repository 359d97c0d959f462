import { useAppStore } from '../../store/app-store.ts';
import { shortcutLabel } from './shortcuts.ts';

/** The top bar's way into the command palette, showing its shortcut so it is learnt. */
export function PaletteButton() {
  const openPalette = useAppStore((s) => s.openPalette);
  return (
    <button type="button" className="btn btn-sm palette-button" onClick={() => openPalette('all')} aria-keyshortcuts="Control+K Meta+K">
      <span className="muted">Search or run a command</span>
      <kbd className="palette-kbd">{shortcutLabel('palette')}</kbd>
    </button>
  );
}
