import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useAppStore } from '../../store/app-store.ts';
import type { PaletteItem } from './match-items.ts';
import type { PaletteMode } from './palette-slice.ts';
import { usePaletteItems } from './use-palette-items.ts';
import './command-palette.css';

/**
 * Ctrl/Cmd+K: a search field (combobox) over one listbox of actions, saved requests, catalog
 * operations and environments. Arrows move, Enter runs, Escape closes; focus stays in the field.
 */
export function CommandPalette({ mode }: { mode: PaletteMode }) {
  const close = useAppStore((s) => s.closePalette);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const listId = useId();
  const groups = usePaletteItems(mode, query);
  const flat = useMemo(() => groups.flatMap((g) => g.items), [groups]);
  const current = flat[Math.min(active, flat.length - 1)];
  const optionId = (item: PaletteItem) => `${listId}-${item.id}`;
  // aria-labelledby takes a space-separated list of ids: group names ("Saved requests") need a slug.
  const groupId = (name: string) => `${listId}-group-${name.replace(/\W+/g, '-')}`;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  useEffect(() => setActive(0), [query, mode]);
  useEffect(() => {
    if (current) document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' });
  });

  const choose = (item: PaletteItem | undefined) => {
    if (!item) return;
    // Switching to the environments list keeps the palette open in that mode.
    if (item.id !== 'switch-env') close();
    // After the palette's own dialog is gone, so a dialog the action opens gets the focus.
    requestAnimationFrame(() => item.run());
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const count = flat.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (count) setActive((i) => (Math.min(i, count - 1) + (e.key === 'ArrowDown' ? 1 : count - 1)) % count);
    } else if (e.key === 'Home' && count) {
      e.preventDefault();
      setActive(0);
    } else if (e.key === 'End' && count) {
      e.preventDefault();
      setActive(count - 1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(current);
    }
  };

  const placeholder = mode === 'environments' ? 'Switch to environment…' : 'Search operations, saved requests, environments and actions…';
  return (
    <dialog
      ref={dialogRef}
      className="palette"
      aria-label={mode === 'environments' ? 'Switch environment' : 'Command palette'}
      onClose={close}
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
      onMouseDown={(e) => {
        if (e.target === dialogRef.current) close();
      }}
    >
      <input
        className="palette-input"
        role="combobox"
        aria-label={mode === 'environments' ? 'Environment' : 'Search commands'}
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current ? optionId(current) : undefined}
        placeholder={placeholder}
        autoFocus
        spellCheck={false}
        autoComplete="off"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="palette-list" role="listbox" id={listId} aria-label="Results" ref={listRef}>
        {groups.map((g) => (
          <div key={g.name} role="group" aria-labelledby={groupId(g.name)} className="palette-group">
            <div id={groupId(g.name)} className="palette-group-label" aria-hidden="true">
              {g.name}
            </div>
            {g.items.map((item) => (
              <div
                key={item.id}
                id={optionId(item)}
                role="option"
                aria-selected={item === current}
                className="palette-option"
                onMouseMove={() => setActive(flat.indexOf(item))}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(item)}
              >
                {item.method && <span className={`palette-method method-${item.method}`}>{item.method}</span>}
                <span className="palette-label">{item.label}</span>
                {item.detail && <span className="palette-detail">{item.detail}</span>}
                {item.shortcut && <kbd className="palette-kbd">{item.shortcut}</kbd>}
              </div>
            ))}
          </div>
        ))}
        {flat.length === 0 && <p className="palette-empty">Nothing matches “{query}”.</p>}
      </div>
      <div className="palette-footer muted" aria-hidden="true">
        <span><kbd>↑</kbd><kbd>↓</kbd> move</span>
        <span><kbd>Enter</kbd> open</span>
        <span><kbd>Esc</kbd> close</span>
      </div>
    </dialog>
  );
}
