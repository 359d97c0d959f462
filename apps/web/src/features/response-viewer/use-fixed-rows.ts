import { useCallback, useEffect, useState, type RefObject } from 'react';

/**
 * Windowing for rows of one fixed height: which rows are on screen follows from scrollTop by
 * arithmetic, so a million rows cost nothing up front (a measuring virtualiser would first
 * allocate a record per row).
 */
export function useFixedRows(scrollRef: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan = 20) {
  const [view, setView] = useState({ top: 0, height: 600 });

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    update();
    el.addEventListener('scroll', schedule, { passive: true });
    const resize = new ResizeObserver(schedule);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', schedule);
      resize.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [scrollRef]);

  const first = Math.max(0, Math.floor(view.top / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((view.top + view.height) / rowHeight) + overscan);

  const scrollToRow = useCallback(
    (row: number) => {
      const el = scrollRef.current;
      if (!el || row < 0) return;
      el.scrollTop = Math.max(0, row * rowHeight - el.clientHeight / 2 + rowHeight / 2);
    },
    [scrollRef, rowHeight],
  );

  return { first, last, totalHeight: count * rowHeight, scrollToRow };
}
