import type { CollectionView, FolderNode, ReorderItem, TreeNode } from './collections-queries.ts';
import type { Scripts } from '@kinde-explorer/core';

/** One visible line of the collections tree, flattened for the keyboard and for drag and drop. */
export interface TreeRow {
  kind: 'collection' | 'folder' | 'request';
  id: string;
  collectionId: string;
  /** The folder it sits in; null at a collection's top level and for collections themselves. */
  parentId: string | null;
  /** aria-level: collections are 1. */
  level: number;
  /** 1-based index among its siblings, and their count (aria-posinset / aria-setsize). */
  posinset: number;
  setsize: number;
  name: string;
  method?: string;
  url?: string;
  /** Collections and folders only. */
  expanded?: boolean;
  /** Collections and folders: whether they have a pre-request or test script. */
  hasScripts?: boolean;
  childCount: number;
}

/** The rows a user sees, in order: children only under expanded collections and folders. */
export function visibleRows(collections: readonly CollectionView[], expanded: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (collectionId: string, items: readonly TreeNode[], parentId: string | null, level: number) => {
    items.forEach((node, i) => {
      const base = { id: node.id, collectionId, parentId, level, posinset: i + 1, setsize: items.length, name: node.name };
      if (node.type === 'request') {
        rows.push({ ...base, kind: 'request', method: node.method, url: node.url, childCount: 0 });
        return;
      }
      const open = expanded.has(node.id);
      rows.push({ ...base, kind: 'folder', expanded: open, hasScripts: hasScripts(node.scripts), childCount: node.items.length });
      if (open) walk(collectionId, node.items, node.id, level + 1);
    });
  };
  collections.forEach((c, i) => {
    const open = expanded.has(c.id);
    rows.push({
      kind: 'collection',
      id: c.id,
      collectionId: c.id,
      parentId: null,
      level: 1,
      posinset: i + 1,
      setsize: collections.length,
      name: c.name,
      expanded: open,
      hasScripts: hasScripts(c.scripts),
      childCount: c.items.length,
    });
    if (open) walk(c.id, c.items, null, 2);
  });
  return rows;
}

/** Whether a collection or folder has a script with code in it (the tree's marker). */
export function hasScripts(scripts: Scripts | null | undefined): boolean {
  return Boolean(scripts?.preRequest?.trim() || scripts?.test?.trim());
}

/** The children of a folder (or of the collection's top level for `null`). */
export function childrenOf(collection: CollectionView, parentId: string | null): readonly TreeNode[] | null {
  if (parentId === null) return collection.items;
  return findFolder(collection.items, parentId)?.items ?? null;
}

/** A folder anywhere in a tree, by id. */
export function findFolder(items: readonly TreeNode[], id: string): FolderNode | null {
  for (const node of items) {
    if (node.type !== 'folder') continue;
    if (node.id === id) return node;
    const inner = findFolder(node.items, id);
    if (inner) return inner;
  }
  return null;
}

/** Every folder of a collection with its depth, in tree order (for "save into folder" pickers). */
export function folderOptions(collection: CollectionView): { id: string; name: string; depth: number }[] {
  const out: { id: string; name: string; depth: number }[] = [];
  const walk = (items: readonly TreeNode[], depth: number) => {
    for (const node of items) {
      if (node.type !== 'folder') continue;
      out.push({ id: node.id, name: node.name, depth });
      walk(node.items, depth + 1);
    }
  };
  walk(collection.items, 0);
  return out;
}

/** Alt+ArrowUp/Down: one step among its siblings; null at either end (nothing to do). */
export function stepMove(collection: CollectionView, row: Pick<TreeRow, 'kind' | 'id' | 'parentId'>, delta: -1 | 1): ReorderItem | null {
  if (row.kind === 'collection') return null;
  const siblings = childrenOf(collection, row.parentId);
  const index = siblings?.findIndex((n) => n.id === row.id) ?? -1;
  if (!siblings || index < 0) return null;
  const position = index + delta;
  if (position < 0 || position >= siblings.length) return null;
  return { type: row.kind, id: row.id, parentId: row.parentId, position };
}

/** Where a dragged item lands relative to the row under the pointer. */
export type DropPlacement = 'before' | 'after' | 'inside';

/** Which placement a pointer at `fraction` (0 top … 1 bottom) of a row's height means. */
export function placementAt(kind: TreeRow['kind'], fraction: number): DropPlacement {
  if (kind === 'request') return fraction < 0.5 ? 'before' : 'after';
  if (kind === 'collection') return 'inside';
  if (fraction < 0.25) return 'before';
  if (fraction > 0.75) return 'after';
  return 'inside';
}

function containsFolder(folder: FolderNode, id: string): boolean {
  return folder.items.some((n) => n.type === 'folder' && (n.id === id || containsFolder(n, id)));
}

/**
 * The move a drop asks for, or null when it is not allowed or changes nothing: only within one
 * collection (the server's reorder is per collection), never a folder into itself or below it.
 */
export function dropMove(
  collection: CollectionView,
  dragged: Pick<TreeRow, 'kind' | 'id' | 'collectionId' | 'parentId'>,
  target: Pick<TreeRow, 'kind' | 'id' | 'collectionId' | 'parentId'>,
  placement: DropPlacement,
): ReorderItem | null {
  if (dragged.kind === 'collection' || dragged.collectionId !== collection.id || target.collectionId !== collection.id) return null;
  if (dragged.id === target.id) return null;
  const parentId = placement === 'inside' ? (target.kind === 'collection' ? null : target.id) : target.parentId;
  if (dragged.kind === 'folder') {
    const self = findFolder(collection.items, dragged.id);
    if (!self || (parentId !== null && (parentId === self.id || containsFolder(self, parentId)))) return null;
  }
  const siblings = childrenOf(collection, parentId);
  if (!siblings) return null;
  const others = siblings.filter((n) => n.id !== dragged.id);
  let position: number;
  if (placement === 'inside') position = others.length;
  else {
    const at = others.findIndex((n) => n.id === target.id);
    if (at < 0) return null;
    position = placement === 'before' ? at : at + 1;
  }
  const current = siblings.findIndex((n) => n.id === dragged.id);
  if (dragged.parentId === parentId && current === position) return null;
  return { type: dragged.kind, id: dragged.id, parentId, position };
}

/** A collection dropped before or after another: its final index in the environment's list. */
export function collectionDrop(collections: readonly CollectionView[], draggedId: string, targetId: string, placement: 'before' | 'after'): { id: string; position: number } | null {
  if (draggedId === targetId) return null;
  const others = collections.filter((c) => c.id !== draggedId);
  const at = others.findIndex((c) => c.id === targetId);
  if (at < 0) return null;
  const position = placement === 'before' ? at : at + 1;
  return collections.findIndex((c) => c.id === draggedId) === position ? null : { id: draggedId, position };
}

/** Alt+ArrowUp/Down on a collection. */
export function collectionStep(collections: readonly CollectionView[], id: string, delta: -1 | 1): { id: string; position: number } | null {
  const index = collections.findIndex((c) => c.id === id);
  const position = index + delta;
  return index < 0 || position < 0 || position >= collections.length ? null : { id, position };
}
