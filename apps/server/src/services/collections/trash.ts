import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { apiError } from '../../errors.ts';
import { nextTimestamp } from './durable-write.ts';
import { renumberParent } from './placement.ts';
import type { CollectionRow, FolderRow, Queries, RequestRow } from './rows.ts';
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

interface TrashRow {
  token: string;
  environment_id: string;
  kind: TrashKind;
  label: string;
  payload_json: string;
  expires_at: string;
}

/**
 * Keeps deleted subtrees for `TRASH_TTL_MS`; must be called inside the deleting transaction.
 * A restore inserts the rows again with the collection operations' own statements (`rows`).
 */
export function createTrash(db: Database, rows: Pick<Queries, 'insertCollection' | 'insertFolder' | 'insertRequest'>, ttlMs = TRASH_TTL_MS) {
  const q = {
    ...rows,
    insert: db.prepare('INSERT INTO trash (token, environment_id, kind, label, payload_json, deleted_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    get: db.prepare<[string], TrashRow>('SELECT * FROM trash WHERE token = ?'),
    remove: db.prepare('DELETE FROM trash WHERE token = ?'),
    purge: db.prepare('DELETE FROM trash WHERE expires_at < ?'),
    collectionExists: db.prepare<[string], { id: string }>('SELECT id FROM collections WHERE id = ?'),
    folderInCollection: db.prepare<[string, string], { id: string }>('SELECT id FROM folders WHERE id = ? AND collection_id = ?'),
  };

  return {
    /** Stores the payload and answers the undo token; the caller then deletes the rows. */
    put(environmentId: string, kind: TrashKind, label: string, payload: TrashPayload): Deleted {
      const now = Date.now();
      q.purge.run(new Date(now).toISOString());
      const token = randomBytes(18).toString('base64url');
      const expiresAt = new Date(now + ttlMs).toISOString();
      q.insert.run(token, environmentId, kind, label, JSON.stringify(payload), nextTimestamp(), expiresAt);
      return { undoToken: token, expiresAt, label };
    },

    /** Re-inserts a deleted subtree. 404 once expired or used; 409 when its collection is gone. */
    restore(token: string): Restored {
      const row = q.get.get(token);
      if (!row || row.expires_at < new Date().toISOString()) {
        throw apiError(404, 'not_found', 'Nothing to undo: the undo window (10 minutes) has passed or it was already undone.');
      }
      const payload = JSON.parse(row.payload_json) as TrashPayload;
      q.remove.run(token);
      if (payload.collection) {
        q.insertCollection.run(payload.collection);
      } else if (!q.collectionExists.get(payload.collectionId)) {
        throw apiError(409, 'conflict', `Cannot undo: the collection that held ${row.label} has been deleted too. Undo that first.`);
      }
      const first = payload.folders[0] ?? payload.requests[0];
      // The parent of a restored folder or request may have been deleted meanwhile: then it returns at the top level.
      let rootParent: string | null = null;
      if (!payload.collection && first) {
        const parent = 'parent_id' in first ? first.parent_id : first.folder_id;
        rootParent = parent && q.folderInCollection.get(parent, payload.collectionId) ? parent : null;
      }
      const rootId = row.kind === 'folder' ? payload.folders[0]?.id : row.kind === 'request' ? payload.requests[0]?.id : undefined;
      for (const f of payload.folders) q.insertFolder.run(f.id === rootId ? { ...f, parent_id: rootParent } : f);
      for (const r of payload.requests) q.insertRequest.run(r.id === rootId ? { ...r, folder_id: rootParent } : r);
      if (first && rootId && !payload.collection) {
        renumberParent(db, payload.collectionId, rootParent, [{ type: row.kind as 'folder' | 'request', id: rootId, position: first.position }]);
      }
      return { kind: row.kind, id: rootId ?? payload.collectionId, collectionId: payload.collectionId, environmentId: row.environment_id };
    },
  };
}
export type Trash = ReturnType<typeof createTrash>;
