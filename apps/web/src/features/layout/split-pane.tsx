import { useRef, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';

interface SplitPaneProps {
  /** Share of the height given to the top pane, 0–1. */
  ratio: number;
  onRatioChange: (ratio: number) => void;
  top: ReactNode;
  bottom: ReactNode;
  label: string;
}

/** Two panes stacked vertically with a draggable, keyboard-movable divider. */
export function SplitPane({ ratio, onRatioChange, top, bottom, label }: SplitPaneProps) {
  const containerRef = useRef<HTMLDivElement>(null);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const container = containerRef.current;
    if (!container) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const rect = container.getBoundingClientRect();
    const move = (ev: globalThis.PointerEvent) => onRatioChange((ev.clientY - rect.top) / rect.height);
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowUp') onRatioChange(ratio - 0.05);
    else if (e.key === 'ArrowDown') onRatioChange(ratio + 0.05);
    else return;
    e.preventDefault();
  };

  return (
    <div className="split" ref={containerRef} style={{ gridTemplateRows: `${ratio}fr 6px ${1 - ratio}fr` }}>
      <div className="split-pane">{top}</div>
      <div
        className="split-divider"
        role="separator"
        aria-orientation="horizontal"
        aria-label={label}
        aria-valuemin={20}
        aria-valuemax={80}
        aria-valuenow={Math.round(ratio * 100)}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
      />
      <div className="split-pane">{bottom}</div>
    </div>
  );
}
