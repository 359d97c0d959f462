import type { CollectionVariable, Scripts } from '@kinde-explorer/core';
import { apiError } from '../../errors.ts';
import type { Ctx } from './context.ts';
import { q } from './rows.ts';
import { storedScripts } from './stored-scripts.ts';

/** What runs around a saved request sent on its own, as it would in a run of its collection. */
export interface ScriptsAround {
  collectionVariables: CollectionVariable[];
  collectionScripts?: Scripts;
  /** The scripts of the folders the request is in, outermost first. */
  folderScripts: Scripts[];
}

/** Folders nest without a fixed limit; a chain longer than this is a corrupt tree, not a deep one. */
const MAX_DEPTH = 256;

/**
 * The collection's variables and scripts and, when the saved request is named, its folders'
 * scripts (Postman runs collection → folders → request scripts on a single send too). A request
 * that is no longer in the collection (deleted, moved away while its tab stayed open) gets the
 * collection's alone: the tab is a draft and still sends. 404 for a missing collection, 400 for
 * one of another environment.
 */
export async function scriptsAround(ctx: Ctx, target: { environmentId: string; collectionId: string; requestId?: string | undefined }): Promise<ScriptsAround> {
  const { collectionId, requestId } = target;
  const collection = await ctx.requireCollection(ctx.db, collectionId);
  // As the relay refuses it: a collection's scripts were written for its own environment.
  if (collection.environment_id !== target.environmentId) {
    throw apiError(400, 'validation_failed', `collectionId: collection "${collection.name}" belongs to another environment; send it with that environment.`);
  }
  const folderScripts: Scripts[] = [];
  const request = requestId ? await q.request(ctx.db, requestId) : undefined;
  let folderId = request?.collection_id === collectionId ? request.folder_id : null;
  const seen = new Set<string>();
  while (folderId && !seen.has(folderId) && seen.size < MAX_DEPTH) {
    seen.add(folderId);
    const folder = await q.folder(ctx.db, folderId);
    if (!folder || folder.collection_id !== collectionId) break;
    const scripts = storedScripts(folder.scripts_json);
    if (scripts) folderScripts.unshift(scripts);
    folderId = folder.parent_id;
  }
  const collectionScripts = storedScripts(collection.scripts_json);
  return {
    collectionVariables: JSON.parse(collection.variables_json) as CollectionVariable[],
    ...(collectionScripts ? { collectionScripts } : {}),
    folderScripts,
  };
}

/** Whether any of the scripts has code to run. */
export function anyScript(scripts: readonly (Scripts | undefined)[]): boolean {
  return scripts.some((s) => Boolean(s?.preRequest?.trim() || s?.test?.trim()));
}
