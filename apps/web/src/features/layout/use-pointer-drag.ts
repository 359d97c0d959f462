import type { PointerEvent } from 'react';

/** A pointer-down handler that reports every move until the button is released (dividers, resizers). */
export function pointerDrag(onMove: (e: globalThis.PointerEvent) => void, onEnd?: () => void) {
  return (e: PointerEvent<HTMLElement>) => {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    const up = () => {
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', up);
      onEnd?.();
    };
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', up);
  };
}
