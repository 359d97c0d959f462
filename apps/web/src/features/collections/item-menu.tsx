import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';

export interface MenuAction {
  label: string;
  run: () => void;
  danger?: boolean;
}

interface ItemMenuProps {
  label: string;
  actions: MenuAction[];
  /** Viewport point to open at (button's corner, or where the right click was). */
  at: { x: number; y: number };
  onClose: (returnFocus: boolean) => void;
}

/**
 * A small action menu (role="menu") in a portal, so the sidebar's scrolling does not clip it.
 * Arrow keys move, Enter runs, Escape closes and gives focus back to whatever opened it.
 */
export function ItemMenu({ label, actions, at, onClose }: ItemMenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const [pos, setPos] = useState(at);

  // Keep it inside the window (a row near the bottom opens the menu upwards).
  useLayoutEffect(() => {
    const rect = ref.current?.getBoundingClientRect();
    if (!rect) return;
    setPos({
      x: Math.max(4, Math.min(at.x, window.innerWidth - rect.width - 4)),
      y: at.y + rect.height > window.innerHeight - 4 ? Math.max(4, at.y - rect.height) : at.y,
    });
  }, [at]);

  useEffect(() => {
    ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[active]?.focus();
  }, [active]);

  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [onClose]);

  const onKeyDown = (e: KeyboardEvent) => {
    const last = actions.length - 1;
    const go = (i: number) => {
      e.preventDefault();
      setActive(i);
    };
    if (e.key === 'ArrowDown') go(active === last ? 0 : active + 1);
    else if (e.key === 'ArrowUp') go(active === 0 ? last : active - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(last);
    else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose(true);
    } else if (e.key === 'Tab') onClose(true);
  };

  return createPortal(
    <div ref={ref} className="item-menu" role="menu" aria-label={label} style={{ left: pos.x, top: pos.y }} onKeyDown={onKeyDown}>
      {actions.map((a, i) => (
        <button
          key={a.label}
          type="button"
          role="menuitem"
          tabIndex={i === active ? 0 : -1}
          className={`item-menu-item ${a.danger ? 'item-menu-danger' : ''}`}
          onMouseEnter={() => setActive(i)}
          onClick={() => {
            onClose(false);
            a.run();
          }}
        >
          {a.label}
        </button>
      ))}
    </div>,
    document.body,
  );
}
