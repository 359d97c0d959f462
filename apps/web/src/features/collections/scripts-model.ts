import type { Scripts } from '@kinde-explorer/core';
import type { CollectionView } from './collections-queries.ts';
import { findFolder } from './tree-model.ts';

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

/** The dialog's target read from a collection (as listed or fetched again); undefined when the folder is gone. */
export function targetIn(collection: CollectionView, folderId?: string): ScriptsTarget | undefined {
  if (folderId === undefined) {
    return { kind: 'collection', collectionId: collection.id, name: collection.name, scripts: collection.scripts, updatedAt: collection.updatedAt };
  }
  const folder = findFolder(collection.items, folderId);
  if (!folder) return undefined;
  return { kind: 'folder', collectionId: collection.id, folderId, name: folder.name, scripts: folder.scripts, updatedAt: folder.updatedAt };
}
