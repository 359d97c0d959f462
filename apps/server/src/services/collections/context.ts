import { apiError } from '../../errors.ts';
import type { EnvironmentsService } from '../environments/types.ts';
import type { DataLayer, Db } from '../storage/index.ts';
import type { SecretRegistry } from '../vault/secret-registry.ts';
import { q, type CollectionRow, type FolderRow, type RequestRow } from './rows.ts';
import type { SecretSet } from './sanitize-request.ts';
import { createTrash, type Trash } from './trash.ts';

export interface CollectionsDeps {
  data: DataLayer;
  environments: Pick<EnvironmentsService, 'getResolved' | 'exists'>;
  /** Every secret the server knows (other environments' secrets, issued tokens). */
  secrets?: Pick<SecretRegistry, 'list'>;
  trashTtlMs?: number;
}

/**
 * What every collection operation shares: the data layer, lookups that answer 404 (on the
 * database or inside a transaction: `ex`), the trash. Inside a transaction use only `trx`.
 */
export interface Ctx {
  data: DataLayer;
  db: Db;
  trash: Trash;
  /** Reads the environment (outside any transaction): call it before opening one. */
  secretsFor(environmentId: string): Promise<SecretSet>;
  requireEnvironment(id: string): Promise<void>;
  requireCollection(ex: Db, id: string): Promise<CollectionRow>;
  requireFolder(ex: Db, collectionId: string, folderId: string): Promise<FolderRow>;
  requireRequest(ex: Db, collectionId: string, requestId: string): Promise<RequestRow>;
}

export function createContext(deps: CollectionsDeps): Ctx {
  const { data } = deps;
  return {
    data,
    db: data.db,
    trash: createTrash(deps.trashTtlMs),
    async secretsFor(environmentId) {
      const env = await deps.environments.getResolved(environmentId);
      const secretValues = new Set(env.secretValues);
      const byKey: Record<string, string> = {};
      for (const [key, value] of Object.entries(env.variables)) if (secretValues.has(value)) byKey[key] = value;
      const mapped = new Set(Object.values(byKey));
      const others = [...env.secretValues, ...(deps.secrets?.list() ?? [])].filter((v) => !mapped.has(v));
      return { byKey, others };
    },
    async requireEnvironment(id) {
      if (!(await deps.environments.exists(id))) throw apiError(404, 'not_found', `Environment ${id} does not exist.`);
    },
    async requireCollection(ex, id) {
      const row = await q.collection(ex, id);
      if (!row) throw apiError(404, 'not_found', `Collection ${id} does not exist (it may have been deleted).`);
      return row;
    },
    async requireFolder(ex, collectionId, folderId) {
      const row = await q.folder(ex, folderId);
      if (!row || row.collection_id !== collectionId) throw apiError(404, 'not_found', `Folder ${folderId} does not exist in collection ${collectionId}.`);
      return row;
    },
    async requireRequest(ex, collectionId, requestId) {
      const row = await q.request(ex, requestId);
      if (!row || row.collection_id !== collectionId) throw apiError(404, 'not_found', `Request ${requestId} does not exist in collection ${collectionId}.`);
      return row;
    },
  };
}
