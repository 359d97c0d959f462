import { randomUUID } from 'node:crypto';
import type { RequestTemplate } from '@kinde-explorer/core';
import { apiError } from '../../errors.ts';
import { byDepth } from './collection-ops.ts';
import type { Ctx } from './context.ts';
import { durableWrite, nextTimestamp } from './durable-write.ts';
import { renumberParent } from './placement.ts';
import { toFolderView, toRequestView, type FolderRow, type RequestRow } from './rows.ts';
import { sanitizeRequest } from './sanitize-request.ts';
import type { Deleted, FolderCreate, FolderUpdate, FolderView, RequestCreate, RequestPatch, RequestPut, RequestView } from './schemas.ts';

/** Folders and saved requests inside a collection. */
export function itemOps(ctx: Ctx) {
  const { db, q } = ctx;

  /** A folder id named in a body must be a folder of this collection: a 400 otherwise (the path was fine). */
  const parentFolder = (collectionId: string, folderId: string | null | undefined, field: string): string | null => {
    if (folderId === undefined || folderId === null) return null;
    const row = q.folder.get(folderId);
    if (!row || row.collection_id !== collectionId) {
      throw apiError(400, 'validation_failed', `${field}: folder ${folderId} is not in this collection`);
    }
    return row.id;
  };

  const clean = (collectionId: string, template: RequestTemplate) => {
    const envId = ctx.requireCollection(collectionId).environment_id;
    return sanitizeRequest(template, ctx.secretsFor(envId));
  };

  const checkFresh = (row: RequestRow, expected: string | undefined) => {
    if (expected !== undefined && expected !== row.updated_at) {
      throw apiError(409, 'conflict', `Request “${row.name}” was changed elsewhere since this tab opened it (saved ${row.updated_at}). Reload it or save as a new request.`, {
        updatedAt: row.updated_at,
      });
    }
  };

  const touch = (collectionId: string, now: string) => q.touchCollection.run(now, collectionId);

  const patchRequest = (collectionId: string, requestId: string, patch: RequestPatch): RequestView => {
    ctx.requireRequest(collectionId, requestId);
    const cleaned = patch.request ? clean(collectionId, patch.request) : undefined;
    durableWrite(db, () => {
      const row = ctx.requireRequest(collectionId, requestId);
      checkFresh(row, patch.expectedUpdatedAt);
      const now = nextTimestamp();
      db.prepare('UPDATE requests SET name = ?, description = ?, request_json = ?, updated_at = ? WHERE id = ?').run(
        patch.name ?? row.name,
        patch.description === undefined ? row.description : patch.description,
        cleaned ? JSON.stringify(cleaned.request) : row.request_json,
        now,
        requestId,
      );
      touch(collectionId, now);
    });
    return withNotices(toRequestView(q.request.get(requestId)!), cleaned?.notices ?? []);
  };

  return {
    createFolder(collectionId: string, input: FolderCreate): FolderView {
      const id = randomUUID();
      durableWrite(db, () => {
        ctx.requireCollection(collectionId);
        const parent = parentFolder(collectionId, input.parentId, 'parentId');
        const now = nextTimestamp();
        q.insertFolder.run({
          id,
          collection_id: collectionId,
          parent_id: parent,
          name: input.name,
          description: input.description ?? null,
          scripts_json: null,
          position: q.nextItemPosition.get({ c: collectionId, p: parent })!.p,
          created_at: now,
          updated_at: now,
        });
        touch(collectionId, now);
      });
      return toFolderView(q.folder.get(id)!);
    },

    updateFolder(collectionId: string, folderId: string, patch: FolderUpdate): FolderView {
      durableWrite(db, () => {
        const row = ctx.requireFolder(collectionId, folderId);
        const now = nextTimestamp();
        db.prepare('UPDATE folders SET name = ?, description = ?, updated_at = ? WHERE id = ?').run(
          patch.name ?? row.name,
          patch.description === undefined ? row.description : patch.description,
          now,
          folderId,
        );
        touch(collectionId, now);
      });
      return toFolderView(q.folder.get(folderId)!);
    },

    removeFolder(collectionId: string, folderId: string): Deleted {
      return durableWrite(db, () => {
        const row = ctx.requireFolder(collectionId, folderId);
        const all = q.foldersOf.all(collectionId);
        const subtree = descendants(all, folderId);
        const folders = byDepth(all.filter((f) => subtree.has(f.id)));
        // byDepth puts the deleted folder first (its parent is outside the list): restore relies on that.
        const requests = q.requestsOf.all(collectionId).filter((r) => r.folder_id !== null && subtree.has(r.folder_id));
        const envId = ctx.requireCollection(collectionId).environment_id;
        const deleted = ctx.trash.put(envId, 'folder', `folder “${row.name}”`, { collectionId, folders, requests });
        db.prepare('DELETE FROM folders WHERE id = ?').run(folderId);
        renumberParent(db, collectionId, row.parent_id, []);
        touch(collectionId, nextTimestamp());
        return deleted;
      });
    },

    createRequest(collectionId: string, input: RequestCreate): RequestView {
      const id = randomUUID();
      const { request, notices } = clean(collectionId, input.request);
      durableWrite(db, () => {
        const folder = parentFolder(collectionId, input.folderId, 'folderId');
        const now = nextTimestamp();
        q.insertRequest.run({
          id,
          collection_id: collectionId,
          folder_id: folder,
          name: input.name,
          description: input.description ?? null,
          position: q.nextItemPosition.get({ c: collectionId, p: folder })!.p,
          request_json: JSON.stringify(request),
          created_at: now,
          updated_at: now,
        });
        touch(collectionId, now);
      });
      return withNotices(toRequestView(q.request.get(id)!), notices);
    },

    getRequest(collectionId: string, requestId: string): RequestView {
      return toRequestView(ctx.requireRequest(collectionId, requestId));
    },

    /** Saves a tab: name and request replaced whole. */
    putRequest(collectionId: string, requestId: string, input: RequestPut): RequestView {
      return patchRequest(collectionId, requestId, input);
    },

    patchRequest,

    removeRequest(collectionId: string, requestId: string): Deleted {
      return durableWrite(db, () => {
        const row = ctx.requireRequest(collectionId, requestId);
        const envId = ctx.requireCollection(collectionId).environment_id;
        const deleted = ctx.trash.put(envId, 'request', `request “${row.name}”`, { collectionId, folders: [], requests: [row] });
        db.prepare('DELETE FROM requests WHERE id = ?').run(requestId);
        renumberParent(db, collectionId, row.folder_id, []);
        touch(collectionId, nextTimestamp());
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
