import { randomUUID } from 'node:crypto';
import type { RequestTemplate } from '@kinde-explorer/core';
import { apiError } from '../../errors.ts';
import type { Db } from '../storage/index.ts';
import { byDepth } from './collection-ops.ts';
import type { Ctx } from './context.ts';
import { nextTimestamp } from './timestamp.ts';
import { renumberParent } from './placement.ts';
import { q, toFolderView, toRequestView, type FolderRow, type RequestRow } from './rows.ts';
import { sanitizeRequest, secretScrubber } from './sanitize-request.ts';
import { assertFresh } from './fresh.ts';
import { scriptsToStore } from './stored-scripts.ts';
import type { Deleted, FolderCreate, FolderUpdate, FolderView, RequestCreate, RequestPatch, RequestPut, RequestView } from './schemas.ts';

/** Folders and saved requests inside a collection. */
export function itemOps(ctx: Ctx) {
  const { data, db } = ctx;

  /** A folder id named in a body must be a folder of this collection: a 400 otherwise (the path was fine). */
  const parentFolder = async (trx: Db, collectionId: string, folderId: string | null | undefined, field: string): Promise<string | null> => {
    if (folderId === undefined || folderId === null) return null;
    const row = await q.folder(trx, folderId);
    if (!row || row.collection_id !== collectionId) {
      throw apiError(400, 'validation_failed', `${field}: folder ${folderId} is not in this collection`);
    }
    return row.id;
  };

  const clean = async (collectionId: string, template: RequestTemplate) => {
    const envId = (await ctx.requireCollection(db, collectionId)).environment_id;
    return sanitizeRequest(template, await ctx.secretsFor(envId));
  };

  const checkFresh = (row: RequestRow, expected: string | undefined) => {
    if (expected !== undefined && expected !== row.updated_at) {
      throw apiError(409, 'conflict', `Request “${row.name}” was changed elsewhere since this tab opened it (saved ${row.updated_at}). Reload it or save as a new request.`, {
        updatedAt: row.updated_at,
      });
    }
  };

  const savedRequest = async (requestId: string): Promise<RequestRow> => (await q.request(db, requestId))!;

  const patchRequest = async (collectionId: string, requestId: string, patch: RequestPatch): Promise<RequestView> => {
    await ctx.requireRequest(db, collectionId, requestId);
    const cleaned = patch.request ? await clean(collectionId, patch.request) : undefined;
    await data.transaction(async (trx) => {
      const row = await ctx.requireRequest(trx, collectionId, requestId);
      checkFresh(row, patch.expectedUpdatedAt);
      const now = nextTimestamp();
      await trx
        .updateTable('requests')
        .set({
          name: patch.name ?? row.name,
          description: patch.description === undefined ? row.description : patch.description,
          request_json: cleaned ? JSON.stringify(cleaned.request) : row.request_json,
          updated_at: now,
        })
        .where('id', '=', requestId)
        .execute();
      await q.touchCollection(trx, collectionId, now);
    });
    return withNotices(toRequestView(await savedRequest(requestId)), cleaned?.notices ?? []);
  };

  return {
    async createFolder(collectionId: string, input: FolderCreate): Promise<FolderView> {
      const id = randomUUID();
      await data.transaction(async (trx) => {
        await ctx.requireCollection(trx, collectionId);
        const parent = await parentFolder(trx, collectionId, input.parentId, 'parentId');
        const now = nextTimestamp();
        await q.insertFolder(trx, {
          id,
          collection_id: collectionId,
          parent_id: parent,
          name: input.name,
          description: input.description ?? null,
          scripts_json: null,
          position: await q.nextItemPosition(trx, collectionId, parent),
          created_at: now,
          updated_at: now,
        });
        await q.touchCollection(trx, collectionId, now);
      });
      return toFolderView((await q.folder(db, id))!);
    },

    async updateFolder(collectionId: string, folderId: string, patch: FolderUpdate): Promise<FolderView> {
      const scripts =
        patch.scripts === undefined ? undefined : scriptsToStore(patch.scripts, secretScrubber(await ctx.secretsFor((await ctx.requireCollection(db, collectionId)).environment_id)));
      await data.transaction(async (trx) => {
        const row = await ctx.requireFolder(trx, collectionId, folderId);
        assertFresh(`Folder “${row.name}”`, row.updated_at, patch.expectedUpdatedAt);
        const now = nextTimestamp();
        await trx
          .updateTable('folders')
          .set({
            name: patch.name ?? row.name,
            description: patch.description === undefined ? row.description : patch.description,
            scripts_json: scripts ? scripts.json : row.scripts_json,
            updated_at: now,
          })
          .where('id', '=', folderId)
          .execute();
        await q.touchCollection(trx, collectionId, now);
      });
      const view = toFolderView((await q.folder(db, folderId))!);
      return scripts && scripts.notices.length > 0 ? { ...view, notices: scripts.notices } : view;
    },

    removeFolder(collectionId: string, folderId: string): Promise<Deleted> {
      return data.transaction(async (trx) => {
        const row = await ctx.requireFolder(trx, collectionId, folderId);
        const all = await q.foldersOf(trx, collectionId);
        const subtree = descendants(all, folderId);
        const folders = byDepth(all.filter((f) => subtree.has(f.id)));
        // byDepth puts the deleted folder first (its parent is outside the list): restore relies on that.
        const requests = (await q.requestsOf(trx, collectionId)).filter((r) => r.folder_id !== null && subtree.has(r.folder_id));
        const envId = (await ctx.requireCollection(trx, collectionId)).environment_id;
        const deleted = await ctx.trash.put(trx, envId, 'folder', `folder “${row.name}”`, { collectionId, folders, requests });
        await trx.deleteFrom('folders').where('id', '=', folderId).execute();
        await renumberParent(trx, collectionId, row.parent_id, []);
        await q.touchCollection(trx, collectionId, nextTimestamp());
        return deleted;
      });
    },

    async createRequest(collectionId: string, input: RequestCreate): Promise<RequestView> {
      const id = randomUUID();
      const { request, notices } = await clean(collectionId, input.request);
      await data.transaction(async (trx) => {
        const folder = await parentFolder(trx, collectionId, input.folderId, 'folderId');
        const now = nextTimestamp();
        await q.insertRequest(trx, {
          id,
          collection_id: collectionId,
          folder_id: folder,
          name: input.name,
          description: input.description ?? null,
          position: await q.nextItemPosition(trx, collectionId, folder),
          request_json: JSON.stringify(request),
          created_at: now,
          updated_at: now,
        });
        await q.touchCollection(trx, collectionId, now);
      });
      return withNotices(toRequestView(await savedRequest(id)), notices);
    },

    async getRequest(collectionId: string, requestId: string): Promise<RequestView> {
      return toRequestView(await ctx.requireRequest(db, collectionId, requestId));
    },

    /** Saves a tab: name and request replaced whole. */
    putRequest(collectionId: string, requestId: string, input: RequestPut): Promise<RequestView> {
      return patchRequest(collectionId, requestId, input);
    },

    patchRequest,

    removeRequest(collectionId: string, requestId: string): Promise<Deleted> {
      return data.transaction(async (trx) => {
        const row = await ctx.requireRequest(trx, collectionId, requestId);
        const envId = (await ctx.requireCollection(trx, collectionId)).environment_id;
        const deleted = await ctx.trash.put(trx, envId, 'request', `request “${row.name}”`, { collectionId, folders: [], requests: [row] });
        await trx.deleteFrom('requests').where('id', '=', requestId).execute();
        await renumberParent(trx, collectionId, row.folder_id, []);
        await q.touchCollection(trx, collectionId, nextTimestamp());
        return deleted;
      });
    },
  };
}

function withNotices(view: RequestView, notices: string[]): RequestView {
  return notices.length > 0 ? { ...view, notices } : view;
}

/** The folder and every folder below it. */
export function descendants(folders: readonly FolderRow[], rootId: string): Set<string> {
  const out = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const f of folders) {
      if (f.parent_id && out.has(f.parent_id) && !out.has(f.id)) {
        out.add(f.id);
        grew = true;
      }
    }
  }
  return out;
}
