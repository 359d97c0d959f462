import { useEffect, useId, useMemo, useRef, useState, type DragEvent, type KeyboardEvent, type MouseEvent } from 'react';
import type { HttpMethod } from '@kinde-explorer/core';
import { useAppStore } from '../../store/app-store.ts';
import { MethodBadge } from '../catalog/method-badge.tsx';
import type { CollectionView } from './collections-queries.ts';
import { ItemMenu } from './item-menu.tsx';
import { placementAt, visibleRows, type DropPlacement, type TreeRow } from './tree-model.ts';
import type { useTreeActions } from './use-tree-actions.ts';

type Actions = ReturnType<typeof useTreeActions>;

interface CollectionTreeProps {
  label: string;
  collections: readonly CollectionView[];
  actions: Actions;
  canEdit: boolean;
}

const rowDomId = (id: string) => `tree-row-${id}`;

/**
 * The collections of the environment as an ARIA tree (flat rows with aria-level). One row is in
 * the tab order; arrows move, Enter opens, F2 renames, Delete deletes (with undo), Alt+Arrow
 * moves among siblings, Shift+F10 opens the row's menu. Rows also drag and drop.
 */
export function CollectionTree({ label, collections, actions, canEdit }: CollectionTreeProps) {
  const expandedIds = useAppStore((s) => s.expandedTreeIds);
  const setExpanded = useAppStore((s) => s.setTreeExpanded);
  // The saved request of the active tab is shown as selected.
  const openRequestId = useAppStore((s) => (s.activeTabId ? s.savedTabs[s.activeTabId]?.requestId : undefined));
  const rows = useMemo(() => visibleRows(collections, new Set(expandedIds)), [collections, expandedIds]);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [menu, setMenu] = useState<{ row: TreeRow; at: { x: number; y: number } } | null>(null);
  const [dropAt, setDropAt] = useState<{ id: string; placement: DropPlacement } | null>(null);
  const dragged = useRef<TreeRow | null>(null);
  const treeRef = useRef<HTMLDivElement>(null);
  const moveFocus = useRef(false);
  const helpId = useId();
  const scriptsNoteId = useId();
  // True while focus is in the tree, or was until a row it sat on re-rendered away (a move, a delete).
  const hadFocus = useRef(false);

  const current = rows.find((r) => r.id === focusId) ?? rows.find((r) => r.id === openRequestId) ?? rows[0];

  // Focus follows the row by id: keyboard moves, and rows React moved or replaced after a reorder.
  useEffect(() => {
    if (!current) return;
    const lost = hadFocus.current && (document.activeElement === null || document.activeElement === document.body);
    if (!moveFocus.current && !lost) return;
    moveFocus.current = false;
    document.getElementById(rowDomId(current.id))?.focus();
  });

  const focusRow = (row: TreeRow | undefined) => {
    if (!row) return;
    moveFocus.current = true;
    setFocusId(row.id);
  };

  const openMenu = (row: TreeRow, at?: { x: number; y: number }) => {
    const rect = document.getElementById(rowDomId(row.id))?.getBoundingClientRect();
    setFocusId(row.id);
    setMenu({ row, at: at ?? { x: (rect?.right ?? 0) - 180, y: rect?.bottom ?? 0 } });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (!current) return;
    const index = rows.indexOf(current);
    const handled = () => {
      e.preventDefault();
      e.stopPropagation();
    };
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      handled();
      moveFocus.current = true;
      return actions.move(current, e.key === 'ArrowUp' ? -1 : 1);
    }
    switch (e.key) {
      case 'ArrowDown':
        handled();
        return focusRow(rows[index + 1]);
      case 'ArrowUp':
        handled();
        return focusRow(rows[index - 1]);
      case 'Home':
        handled();
        return focusRow(rows[0]);
      case 'End':
        handled();
        return focusRow(rows[rows.length - 1]);
      case 'ArrowRight':
        handled();
        if (current.kind === 'request') return;
        if (!current.expanded) return setExpanded(current.id, true);
        return current.childCount > 0 ? focusRow(rows[index + 1]) : undefined;
      case 'ArrowLeft': {
        handled();
        if (current.kind !== 'request' && current.expanded) return setExpanded(current.id, false);
        const parentId = current.kind === 'collection' ? null : (current.parentId ?? current.collectionId);
        return focusRow(rows.find((r) => r.id === parentId));
      }
      case 'Enter':
      case ' ':
        handled();
        return actions.open(current);
      case 'F2':
        handled();
        return actions.rename(current);
      case 'Delete':
        if (!canEdit) return;
        handled();
        // Focus the neighbour, as the row is about to go.
        focusRow(rows[index + 1] ?? rows[index - 1]);
        return actions.remove(current);
      case 'ContextMenu':
        handled();
        return openMenu(current);
      case 'F10':
        if (!e.shiftKey) return;
        handled();
        return openMenu(current);
    }
  };

  const onDragStart = (e: DragEvent, row: TreeRow) => {
    dragged.current = row;
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', row.name);
  };
  const onDragOver = (e: DragEvent, row: TreeRow) => {
    const from = dragged.current;
    if (!from) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const fraction = (e.clientY - rect.top) / Math.max(1, rect.height);
    let placement = placementAt(row.kind, fraction);
    // Collections reorder among themselves: halves, never inside.
    if (from.kind === 'collection') placement = fraction < 0.5 ? 'before' : 'after';
    if (!actions.canDrop(from, row, placement)) {
      if (dropAt) setDropAt(null);
      return;
    }
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    if (dropAt?.id !== row.id || dropAt.placement !== placement) setDropAt({ id: row.id, placement });
  };
  const onDrop = (e: DragEvent, row: TreeRow) => {
    e.preventDefault();
    const from = dragged.current;
    const at = dropAt;
    dragged.current = null;
    setDropAt(null);
    if (from && at?.id === row.id) actions.drop(from, row, at.placement);
  };

  return (
    <>
      <div
        ref={treeRef}
        role="tree"
        aria-label={label}
        className="collection-tree"
        aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown F2 Delete Shift+F10"
        aria-describedby={helpId}
        onKeyDown={onKeyDown}
        onFocus={() => {
          hadFocus.current = true;
        }}
        onBlur={(e) => {
          const to = e.relatedTarget as Node | null;
          if (to && !treeRef.current?.contains(to)) hadFocus.current = false;
        }}
        onDragEnd={() => {
          dragged.current = null;
          setDropAt(null);
        }}
      >
        {rows.map((row) => (
          <div
            key={row.id}
            id={rowDomId(row.id)}
            role="treeitem"
            aria-level={row.level}
            aria-posinset={row.posinset}
            aria-setsize={row.setsize}
            aria-expanded={row.kind === 'request' ? undefined : row.expanded}
            aria-selected={row.id === openRequestId}
            aria-label={row.kind === 'request' ? `${row.method} ${row.name}` : row.name}
            aria-describedby={row.hasScripts ? scriptsNoteId : undefined}
            tabIndex={row.id === current?.id ? 0 : -1}
            className={`tree-row tree-${row.kind} ${row.id === openRequestId ? 'tree-row-open' : ''} ${dropAt?.id === row.id ? `tree-drop-${dropAt.placement}` : ''}`}
            style={{ paddingLeft: 4 + (row.level - 1) * 14 }}
            draggable={canEdit}
            onFocus={() => setFocusId(row.id)}
            onClick={() => actions.open(row)}
            onContextMenu={(e: MouseEvent) => {
              e.preventDefault();
              openMenu(row, { x: e.clientX, y: e.clientY });
            }}
            onDragStart={(e) => onDragStart(e, row)}
            onDragOver={(e) => onDragOver(e, row)}
            onDrop={(e) => onDrop(e, row)}
          >
            <span className="tree-caret" aria-hidden="true">
              {row.kind === 'request' ? '' : row.expanded ? '▾' : '▸'}
            </span>
            {row.kind === 'request' ? (
              <MethodBadge method={row.method as HttpMethod} />
            ) : (
              <span className={`tree-icon tree-icon-${row.kind}`} aria-hidden="true" />
            )}
            <span className="tree-name" title={row.kind === 'request' ? `${row.name}\n${row.url}` : row.name}>
              {row.name}
            </span>
            {row.hasScripts && (
              <span className="tree-scripts" aria-hidden="true" title="Has a pre-request or test script (Scripts… in its menu)">
                JS
              </span>
            )}
            <button
              type="button"
              className="icon-btn tree-more"
              tabIndex={-1}
              aria-label={`Actions for ${row.name}`}
              aria-haspopup="menu"
              aria-expanded={menu?.row.id === row.id}
              onClick={(e) => {
                e.stopPropagation();
                const rect = e.currentTarget.getBoundingClientRect();
                openMenu(row, { x: rect.right - 180, y: rect.bottom + 2 });
              }}
            >
              ⋯
            </button>
          </div>
        ))}
      </div>
      <p id={scriptsNoteId} className="visually-hidden">
        Has a pre-request or test script.
      </p>
      <p id={helpId} className="visually-hidden">
        {canEdit
          ? 'Arrow keys move, Enter opens, F2 renames, Delete deletes (with undo), Alt+Up or Alt+Down moves the item, Shift+F10 opens its menu.'
          : 'Arrow keys move, Enter opens, Shift+F10 opens the menu.'}
      </p>
      {menu && (
        <ItemMenu
          label={`Actions for ${menu.row.name}`}
          actions={actions.actionsFor(menu.row)}
          at={menu.at}
          onClose={(returnFocus) => {
            const row = menu.row;
            setMenu(null);
            if (returnFocus) focusRow(rows.find((r) => r.id === row.id));
          }}
        />
      )}
    </>
  );
}
