import type { CollectionDoc, CollectionItem, SavedRequest, Scripts } from '@kinde-explorer/core';

/** A request of the run in tree order, with the scripts of the folders around it (outermost first). */
export interface PlannedRequest {
  item: SavedRequest;
  /** Folder names from the collection down to the request. */
  path: string[];
  folderScripts: Scripts[];
}

/** Bad input a person can fix (unknown folder, unreadable data file): front ends say so and exit 2 / answer 400. */
export class RunInputError extends Error {
  override readonly name = 'RunInputError';
}

/** The requests to run, in the tree's order, for the whole collection or one folder of it. */
export function planRequests(doc: CollectionDoc, folder?: string): PlannedRequest[] {
  if (folder === undefined || folder.trim() === '') return flatten(doc.items, [], []);
  const found = findFolder(doc.items, folder.trim(), [], []);
  if (!found) {
    const names = folderPaths(doc.items, []);
    const hint = names.length > 0 ? ` Folders in "${doc.name}": ${names.slice(0, 20).map((n) => `"${n}"`).join(', ')}${names.length > 20 ? ', …' : ''}.` : ` "${doc.name}" has no folders.`;
    throw new RunInputError(`No folder "${folder}" in collection "${doc.name}".${hint}`);
  }
  return flatten(found.folder.items, [...found.path, found.folder.name], [...found.scripts, ...(found.folder.scripts ? [found.folder.scripts] : [])]);
}

type Folder = Extract<CollectionItem, { type: 'folder' }>;

function flatten(items: CollectionItem[], path: string[], scripts: Scripts[]): PlannedRequest[] {
  const out: PlannedRequest[] = [];
  for (const item of items) {
    if (item.type === 'request') out.push({ item, path, folderScripts: scripts });
    else out.push(...flatten(item.items, [...path, item.name], item.scripts ? [...scripts, item.scripts] : scripts));
  }
  return out;
}

/** By id, by name (the first in tree order), or by path `Parent/Child`. */
function findFolder(items: CollectionItem[], wanted: string, path: string[], scripts: Scripts[]): { folder: Folder; path: string[]; scripts: Scripts[] } | undefined {
  for (const item of items) {
    if (item.type !== 'folder') continue;
    const here = [...path, item.name];
    if (item.id === wanted || item.name === wanted || here.join('/') === wanted) return { folder: item, path, scripts };
    const inner = findFolder(item.items, wanted, here, item.scripts ? [...scripts, item.scripts] : scripts);
    if (inner) return inner;
  }
  return undefined;
}

function folderPaths(items: CollectionItem[], path: string[]): string[] {
  return items.flatMap((item) => (item.type === 'folder' ? [[...path, item.name].join('/'), ...folderPaths(item.items, [...path, item.name])] : []));
}
