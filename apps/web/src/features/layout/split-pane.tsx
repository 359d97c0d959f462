import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { pointerDrag } from './use-pointer-drag.ts';

interface SplitPaneProps {
  /** Share of the height given to the top pane, 0–1; null: as tall as its content, up to AUTO_MAX. */
  ratio: number | null;
  onRatioChange: (ratio: number | null) => void;
  top: ReactNode;
  bottom: ReactNode;
  label: string;
}

/** In "fit" mode a short request (one params row) leaves the rest of the height to the response. */
const AUTO_MAX = 0.6;

/**
 * Two panes stacked vertically with a draggable, keyboard-movable divider. Until it is moved the
 * top pane fits its content; a double click (or Home) on the divider returns to that.
 */
export function SplitPane({ ratio, onRatioChange, top, bottom, label }: SplitPaneProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const topRef = useRef<HTMLDivElement>(null);

  // The ratio on screen, also in fit mode, so the keyboard moves on from where the divider is.
  const shownRatio = () => {
    const container = containerRef.current?.getBoundingClientRect();
    const pane = topRef.current?.getBoundingClientRect();
    return ratio ?? (container && pane && container.height > 0 ? pane.height / container.height : AUTO_MAX);
  };

  const onPointerDown = pointerDrag((ev) => {
    const rect = containerRef.current?.getBoundingClientRect();
    if (rect && rect.height > 0) onRatioChange((ev.clientY - rect.top) / rect.height);
  });

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowUp') onRatioChange(shownRatio() - 0.05);
    else if (e.key === 'ArrowDown') onRatioChange(shownRatio() + 0.05);
    else if (e.key === 'Home') onRatioChange(null);
    else return;
    e.preventDefault();
  };

  const rows = ratio === null ? `fit-content(${AUTO_MAX * 100}%) 6px minmax(0, 1fr)` : `${ratio}fr 6px ${1 - ratio}fr`;
  return (
    <div className={`split ${ratio === null ? 'split-fit' : ''}`} ref={containerRef} style={{ gridTemplateRows: rows }}>
      <div className="split-pane" ref={topRef}>
        {top}
      </div>
      <div
        className="split-divider"
        role="separator"
        aria-orientation="horizontal"
        aria-label={label}
        aria-valuemin={20}
        aria-valuemax={80}
        aria-valuenow={ratio === null ? undefined : Math.round(ratio * 100)}
        aria-valuetext={ratio === null ? 'Fits the request' : undefined}
        title="Drag to resize; double-click to fit the request"
        tabIndex={0}
        onPointerDown={onPointerDown}
        onDoubleClick={() => onRatioChange(null)}
        onKeyDown={onKeyDown}
      />
      <div className="split-pane">{bottom}</div>
    </div>
  );
}
