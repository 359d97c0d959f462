import type { KeyboardEvent } from 'react';
import { useAppStore } from '../../store/app-store.ts';
import { SIDEBAR_WIDTH } from '../../store/ui-slice.ts';
import { pointerDrag } from './use-pointer-drag.ts';

/** The sidebar's right edge: drag (or arrow keys) to widen it; the width is remembered. */
export function SidebarResizer() {
  const width = useAppStore((s) => s.sidebarWidth);
  const setWidth = useAppStore((s) => s.setSidebarWidth);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowLeft') setWidth(width - 16);
    else if (e.key === 'ArrowRight') setWidth(width + 16);
    else if (e.key === 'Home') setWidth(SIDEBAR_WIDTH.initial);
    else return;
    e.preventDefault();
  };
  return (
    <div
      className="sidebar-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize sidebar"
      aria-valuemin={SIDEBAR_WIDTH.min}
      aria-valuemax={SIDEBAR_WIDTH.max}
      aria-valuenow={width}
      tabIndex={0}
      title="Drag to resize the sidebar (Home: default width)"
      style={{ left: width - 3 }}
      onPointerDown={pointerDrag((e) => setWidth(e.clientX / currentZoom()))}
      onDoubleClick={() => setWidth(SIDEBAR_WIDTH.initial)}
      onKeyDown={onKeyDown}
    />
  );
}

// Presentation mode zooms the shell (demo.css): pointer positions are in unzoomed pixels.
function currentZoom(): number {
  const shell = document.querySelector<HTMLElement>('.app-shell');
  const zoom = shell ? Number(getComputedStyle(shell).zoom) : 1;
  return Number.isFinite(zoom) && zoom > 0 ? zoom : 1;
}
