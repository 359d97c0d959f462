import type { Scripts } from '@kinde-explorer/core';
import type { CollectionView, TreeNode } from './collections-queries.ts';

/** The collection or folder whose scripts the dialog edits, as it was when opened. */
export interface ScriptsTarget {
  kind: 'collection' | 'folder';
  collectionId: string;
  /** Folders only. */
  folderId?: string;
  name: string;
  scripts: Scripts | null;
  updatedAt: string;
}

/** The two editors' texts. */
export interface ScriptTexts {
  preRequest: string;
  test: string;
}

export const textsOf = (scripts: Scripts | null): ScriptTexts => ({ preRequest: scripts?.preRequest ?? '', test: scripts?.test ?? '' });

/** Same scripts, counting a blank one as none (the server stores it so). */
export function sameScripts(a: Scripts | null, b: Scripts | null): boolean {
  const x = textsOf(a);
  const y = textsOf(b);
  const norm = (s: string) => (s.trim() === '' ? '' : s);
  return norm(x.preRequest) === norm(y.preRequest) && norm(x.test) === norm(y.test);
}

/** Whether a collection or folder node has a script with code in it (the tree's marker). */
export function hasScripts(scripts: Scripts | null | undefined): boolean {
  return Boolean(scripts?.preRequest?.trim() || scripts?.test?.trim());
}

function findFolder(items: readonly TreeNode[], id: string): Extract<TreeNode, { type: 'folder' }> | undefined {
  for (const node of items) {
    if (node.type !== 'folder') continue;
    if (node.id === id) return node;
    const inner = findFolder(node.items, id);
    if (inner) return inner;
  }
  return undefined;
}

/** The dialog's target read from a collection (as listed or fetched again); undefined when the folder is gone. */
export function targetIn(collection: CollectionView, folderId?: string): ScriptsTarget | undefined {
  if (folderId === undefined) {
    return { kind: 'collection', collectionId: collection.id, name: collection.name, scripts: collection.scripts, updatedAt: collection.updatedAt };
  }
  const folder = findFolder(collection.items, folderId);
  return folder && { kind: 'folder', collectionId: collection.id, folderId, name: folder.name, scripts: folder.scripts, updatedAt: folder.updatedAt };
}
