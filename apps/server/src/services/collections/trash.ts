import { randomBytes } from 'node:crypto';
import { apiError } from '../../errors.ts';
import type { Db } from '../storage/index.ts';
import { nextTimestamp } from './timestamp.ts';
import { renumberParent } from './placement.ts';
import { q, type CollectionRow, type FolderRow, type RequestRow } from './rows.ts';
import type { Deleted } from './schemas.ts';

/** How long "Undo" works after a delete. */
export const TRASH_TTL_MS = 10 * 60 * 1000;

export type TrashKind = 'collection' | 'folder' | 'request';
/** A deleted subtree as rows, parents before children, so restoring re-inserts it as it was. */
export interface TrashPayload {
  collection?: CollectionRow;
  collectionId: string;
  folders: FolderRow[];
  requests: RequestRow[];
}
export interface Restored {
  kind: TrashKind;
  id: string;
  collectionId: string;
  environmentId: string;
}

/**
 * Keeps deleted subtrees for `ttlMs`; `put` and `restore` run inside the caller's transaction
 * (`trx`). A restore inserts the rows again with the collection operations' own queries.
 */
export function createTrash(ttlMs = TRASH_TTL_MS) {
  return {
    /** Stores the payload and answers the undo token; the caller then deletes the rows. */
    async put(trx: Db, environmentId: string, kind: TrashKind, label: string, payload: TrashPayload): Promise<Deleted> {
      const now = Date.now();
      await trx.deleteFrom('trash').where('expires_at', '<', new Date(now).toISOString()).execute();
      const token = randomBytes(18).toString('base64url');
      const expiresAt = new Date(now + ttlMs).toISOString();
      await trx
        .insertInto('trash')
        .values({ token, environment_id: environmentId, kind, label, payload_json: JSON.stringify(payload), deleted_at: nextTimestamp(), expires_at: expiresAt })
        .execute();
      return { undoToken: token, expiresAt, label };
    },

    /** Re-inserts a deleted subtree. 404 once expired or used; 409 when its collection is gone. */
    async restore(trx: Db, token: string): Promise<Restored> {
      const row = await trx.selectFrom('trash').selectAll().where('token', '=', token).executeTakeFirst();
      if (!row || row.expires_at < new Date().toISOString()) {
        throw apiError(404, 'not_found', 'Nothing to undo: the undo window (10 minutes) has passed or it was already undone.');
      }
      const payload = JSON.parse(row.payload_json) as TrashPayload;
      await trx.deleteFrom('trash').where('token', '=', token).execute();
      if (payload.collection) {
        await q.insertCollection(trx, payload.collection);
      } else if (!(await q.collection(trx, payload.collectionId))) {
        throw apiError(409, 'conflict', `Cannot undo: the collection that held ${row.label} has been deleted too. Undo that first.`);
      }
      const first = payload.folders[0] ?? payload.requests[0];
      // The parent of a restored folder or request may have been deleted meanwhile: then it returns at the top level.
      let rootParent: string | null = null;
      if (!payload.collection && first) {
        const parent = 'parent_id' in first ? first.parent_id : first.folder_id;
        const parentRow = parent ? await q.folder(trx, parent) : undefined;
        rootParent = parentRow && parentRow.collection_id === payload.collectionId ? parentRow.id : null;
      }
      const rootId = row.kind === 'folder' ? payload.folders[0]?.id : row.kind === 'request' ? payload.requests[0]?.id : undefined;
      for (const f of payload.folders) await q.insertFolder(trx, f.id === rootId ? { ...f, parent_id: rootParent } : f);
      for (const r of payload.requests) await q.insertRequest(trx, r.id === rootId ? { ...r, folder_id: rootParent } : r);
      if (first && rootId && !payload.collection) {
        await renumberParent(trx, payload.collectionId, rootParent, [{ type: row.kind as 'folder' | 'request', id: rootId, position: first.position }]);
      }
      return { kind: row.kind, id: rootId ?? payload.collectionId, collectionId: payload.collectionId, environmentId: row.environment_id };
    },
  };
}
export type Trash = ReturnType<typeof createTrash>;
