import type { Database } from 'better-sqlite3';
import { apiError } from '../../errors.ts';
import type { EnvironmentsService } from '../environments/types.ts';
import type { SecretRegistry } from '../vault/secret-registry.ts';
import { prepareQueries, type CollectionRow, type FolderRow, type Queries, type RequestRow } from './rows.ts';
import type { SecretSet } from './sanitize-request.ts';
import { createTrash, type Trash } from './trash.ts';

export interface CollectionsDeps {
  db: Database;
  environments: Pick<EnvironmentsService, 'getResolved'>;
  /** Every secret the server knows (other environments' secrets, issued tokens). */
  secrets?: Pick<SecretRegistry, 'list'>;
  trashTtlMs?: number;
}

/** What every collection operation shares: statements, lookups that answer 404, the trash. */
export interface Ctx {
  db: Database;
  q: Queries;
  trash: Trash;
  secretsFor(environmentId: string): SecretSet;
  requireEnvironment(id: string): void;
  requireCollection(id: string): CollectionRow;
  requireFolder(collectionId: string, folderId: string): FolderRow;
  requireRequest(collectionId: string, requestId: string): RequestRow;
}

export function createContext(deps: CollectionsDeps): Ctx {
  const { db } = deps;
  const q = prepareQueries(db);
  const envExists = db.prepare<[string], { id: string }>('SELECT id FROM environments WHERE id = ?');
  return {
    db,
    q,
    trash: createTrash(db, q, deps.trashTtlMs),
    secretsFor(environmentId) {
      const env = deps.environments.getResolved(environmentId);
      const secretValues = new Set(env.secretValues);
      const byKey: Record<string, string> = {};
      for (const [key, value] of Object.entries(env.variables)) if (secretValues.has(value)) byKey[key] = value;
      const mapped = new Set(Object.values(byKey));
      const others = [...env.secretValues, ...(deps.secrets?.list() ?? [])].filter((v) => !mapped.has(v));
      return { byKey, others };
    },
    requireEnvironment(id) {
      if (!envExists.get(id)) throw apiError(404, 'not_found', `Environment ${id} does not exist.`);
    },
    requireCollection(id) {
      const row = q.collection.get(id);
      if (!row) throw apiError(404, 'not_found', `Collection ${id} does not exist (it may have been deleted).`);
      return row;
    },
    requireFolder(collectionId, folderId) {
      const row = q.folder.get(folderId);
      if (!row || row.collection_id !== collectionId) throw apiError(404, 'not_found', `Folder ${folderId} does not exist in collection ${collectionId}.`);
      return row;
    },
    requireRequest(collectionId, requestId) {
      const row = q.request.get(requestId);
      if (!row || row.collection_id !== collectionId) throw apiError(404, 'not_found', `Request ${requestId} does not exist in collection ${collectionId}.`);
      return row;
    },
  };
}
