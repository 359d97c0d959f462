import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { CatalogRow } from './catalog-rows.ts';
import { MethodBadge } from './method-badge.tsx';
import type { OperationSummary } from './core-catalog.ts';

const TAG_HEIGHT = 28;
const OP_HEIGHT = 28;

interface CatalogListProps {
  id: string;
  rows: CatalogRow[];
  /** Index (among operations) of the keyboard-active option. */
  active: number;
  /** The operation of the focused request tab, highlighted. */
  openOperationId: string | null;
  searching: boolean;
  onActivate: (option: number) => void;
  onOpen: (op: OperationSummary) => void;
}

export const optionId = (listId: string, option: number) => `${listId}-opt-${option}`;

/**
 * The operations as a listbox (focus stays in the search field, which points at the active option
 * with aria-activedescendant). Only the rows in view are rendered, so a keystroke re-renders a
 * couple of dozen rows rather than all 183 operations plus their headings.
 */
export function CatalogList({ id, rows, active, openOperationId, searching, onActivate, onOpen }: CatalogListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i]?.kind === 'tag' ? TAG_HEIGHT : OP_HEIGHT),
    overscan: 10,
    getItemKey: (i) => rows[i]!.key,
  });

  // Keep the keyboard-active option in view, and start each new search from the top.
  const activeRow = rows.findIndex((r) => r.kind === 'op' && r.option === active);
  useEffect(() => {
    if (activeRow >= 0) virtualizer.scrollToIndex(activeRow, { align: 'auto' });
  }, [activeRow, virtualizer]);
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [rows]);

  // A name cut off by the sidebar's width is shown whole beside the pointer while hovered.
  const [fullName, setFullName] = useState<{ text: string; top: number; left: number } | null>(null);
  const showFullName = (e: MouseEvent<HTMLElement>, text: string) => {
    const span = e.currentTarget.querySelector<HTMLElement>('.catalog-summary');
    if (!span || span.scrollWidth <= span.clientWidth) return setFullName(null);
    const rect = span.getBoundingClientRect();
    setFullName({ text, top: rect.top - 4, left: rect.left - 9 });
  };

  return (
    <div className="catalog-scroll" ref={scrollRef} onMouseLeave={() => setFullName(null)} onScroll={() => setFullName(null)}>
      {fullName && (
        <div className="catalog-fullname" role="tooltip" style={{ top: fullName.top, left: fullName.left }}>
          {fullName.text}
        </div>
      )}
      <div
        id={id}
        role="listbox"
        aria-label={searching ? 'Matching operations' : 'Operations'}
        className="catalog-listbox"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          const style = { transform: `translateY(${item.start}px)`, height: item.size };
          if (row.kind === 'tag') {
            return (
              <div key={item.key} role="presentation" className="catalog-tag" style={style}>
                <span className="catalog-tag-name">{row.tag}</span>
                <span className="catalog-tag-count">{row.count}</span>
              </div>
            );
          }
          const { op } = row;
          const isActive = row.option === active;
          return (
            <div
              key={item.key}
              id={optionId(id, row.option)}
              role="option"
              aria-selected={isActive}
              aria-label={`${op.method} ${op.summary}`}
              title={`${op.summary}\n${op.method} ${op.path}\nTag: ${op.tag}${op.scope ? `\nScope: ${op.scope}` : ''}${op.deprecated ? '\nDeprecated' : ''}`}
              className={`catalog-option${isActive ? ' catalog-option-active' : ''}${op.operationId === openOperationId ? ' catalog-option-open' : ''}${op.deprecated ? ' catalog-option-deprecated' : ''}`}
              style={style}
              onMouseMove={() => !isActive && onActivate(row.option)}
              onMouseEnter={(e) => showFullName(e, op.summary)}
              onMouseDown={(e) => e.preventDefault() /* keep focus in the search field */}
              onClick={() => onOpen(op)}
            >
              <MethodBadge method={op.method} />
              <span className="catalog-summary">{op.summary}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
