import { randomUUID } from 'node:crypto';
import type { Ctx } from './context.ts';
import { apiError } from '../../errors.ts';
import type { Db } from '../storage/index.ts';
import { nextTimestamp } from './timestamp.ts';
import { buildTree, q, toCollectionView, type CollectionRow, type FolderRow } from './rows.ts';
import { mapStrings, secretScrubber } from './sanitize-request.ts';
import { assertFresh } from './fresh.ts';
import { scriptsToStore } from './stored-scripts.ts';
import type { CollectionCopy, CollectionCreate, CollectionReorder, CollectionUpdate, CollectionView, Deleted } from './schemas.ts';

/** Collections of an environment: list with their trees, create, rename, duplicate, copy/move, delete. */
export function collectionOps(ctx: Ctx) {
  const { data, db } = ctx;

  const view = async (row: CollectionRow): Promise<CollectionView> => {
    const [folders, requests] = await Promise.all([q.foldersOf(db, row.id), q.requestsOf(db, row.id)]);
    return toCollectionView(row, buildTree(folders, requests));
  };

  const cleanVariables = async (environmentId: string, vars: CollectionCreate['variables']) => {
    if (!vars) return undefined;
    const scrub = secretScrubber(await ctx.secretsFor(environmentId));
    return mapStrings(vars, (s) => scrub(s).text);
  };

  /** Copies a collection's rows under new ids into an environment; folder links are remapped. */
  const copyRows = async (trx: Db, source: CollectionRow, environmentId: string, name: string): Promise<string> => {
    const id = randomUUID();
    const now = nextTimestamp();
    await q.insertCollection(trx, {
      ...source,
      id,
      environment_id: environmentId,
      name,
      position: await q.nextCollectionPosition(trx, environmentId),
      created_at: now,
      updated_at: now,
    });
    const folderIds = new Map<string, string>();
    const folders = await q.foldersOf(trx, source.id);
    for (const f of folders) folderIds.set(f.id, randomUUID());
    // Parents first: a folder row references its parent, so insert in depth order.
    for (const f of byDepth(folders)) {
      await q.insertFolder(trx, { ...f, id: folderIds.get(f.id)!, collection_id: id, parent_id: f.parent_id ? folderIds.get(f.parent_id)! : null, created_at: now, updated_at: now });
    }
    for (const r of await q.requestsOf(trx, source.id)) {
      await q.insertRequest(trx, { ...r, id: randomUUID(), collection_id: id, folder_id: r.folder_id ? folderIds.get(r.folder_id)! : null, created_at: now, updated_at: now });
    }
    return id;
  };

  const get = async (id: string): Promise<CollectionView> => view(await ctx.requireCollection(db, id));

  /** Every collection of the environment with its folders and requests, in order. */
  const list = async (environmentId: string): Promise<CollectionView[]> => {
    await ctx.requireEnvironment(environmentId);
    // Three queries for the whole environment rather than three per collection.
    const [collections, allFolders, allRequests] = await Promise.all([
      q.collectionsOfEnv(db, environmentId),
      q.foldersOfEnv(db, environmentId),
      q.requestsOfEnv(db, environmentId),
    ]);
    const folders = groupBy(allFolders, (f) => f.collection_id);
    const requests = groupBy(allRequests, (r) => r.collection_id);
    return collections.map((c) => toCollectionView(c, buildTree(folders.get(c.id) ?? [], requests.get(c.id) ?? [])));
  };

  return {
    list,

    get,

    async create(environmentId: string, input: CollectionCreate): Promise<CollectionView> {
      await ctx.requireEnvironment(environmentId);
      const id = randomUUID();
      const variables = (await cleanVariables(environmentId, input.variables)) ?? [];
      await data.transaction(async (trx) => {
        const now = nextTimestamp();
        await q.insertCollection(trx, {
          id,
          environment_id: environmentId,
          name: input.name,
          description: input.description ?? null,
          variables_json: JSON.stringify(variables),
          scripts_json: null,
          position: await q.nextCollectionPosition(trx, environmentId),
          created_at: now,
          updated_at: now,
        });
      });
      return get(id);
    },

    async update(id: string, patch: CollectionUpdate): Promise<CollectionView> {
      const before = await ctx.requireCollection(db, id);
      const scrub = patch.variables || patch.scripts !== undefined ? secretScrubber(await ctx.secretsFor(before.environment_id)) : undefined;
      const variables = patch.variables && scrub ? mapStrings(patch.variables, (s) => scrub(s).text) : undefined;
      const scripts = patch.scripts !== undefined && scrub ? scriptsToStore(patch.scripts, scrub) : undefined;
      await data.transaction(async (trx) => {
        const row = await ctx.requireCollection(trx, id);
        assertFresh(`Collection “${row.name}”`, row.updated_at, patch.expectedUpdatedAt);
        await trx
          .updateTable('collections')
          .set({
            name: patch.name ?? row.name,
            description: patch.description === undefined ? row.description : patch.description,
            variables_json: variables ? JSON.stringify(variables) : row.variables_json,
            scripts_json: scripts ? scripts.json : row.scripts_json,
            updated_at: nextTimestamp(),
          })
          .where('id', '=', id)
          .execute();
      });
      const view = await get(id);
      return scripts && scripts.notices.length > 0 ? { ...view, notices: scripts.notices } : view;
    },

    /** A copy beside the original, named "<name> (copy)". */
    async duplicate(id: string): Promise<CollectionView> {
      const newId = await data.transaction(async (trx) => {
        const source = await ctx.requireCollection(trx, id);
        return copyRows(trx, source, source.environment_id, copyName(source.name));
      });
      return get(newId);
    },

    /** Copies (new ids) or moves (same ids) a collection into another environment. */
    async copyTo(id: string, input: CollectionCopy): Promise<CollectionView> {
      await ctx.requireEnvironment(input.environmentId);
      const resultId = await data.transaction(async (trx) => {
        const source = await ctx.requireCollection(trx, id);
        if (!input.move) return copyRows(trx, source, input.environmentId, input.name ?? (input.environmentId === source.environment_id ? copyName(source.name) : source.name));
        if (input.environmentId !== source.environment_id) {
          await trx
            .updateTable('collections')
            .set({
              environment_id: input.environmentId,
              name: input.name ?? source.name,
              position: await q.nextCollectionPosition(trx, input.environmentId),
              updated_at: nextTimestamp(),
            })
            .where('id', '=', id)
            .execute();
        }
        return id;
      });
      return get(resultId);
    },

    /** Moves collections within their environment's list (final indexes, like items in a collection). */
    async reorderCollections(environmentId: string, input: CollectionReorder): Promise<CollectionView[]> {
      await ctx.requireEnvironment(environmentId);
      await data.transaction(async (trx) => {
        const current = await q.collectionsOfEnv(trx, environmentId);
        const ids = new Set(current.map((c) => c.id));
        const moved = new Set<string>();
        input.items.forEach((item, i) => {
          if (!ids.has(item.id)) throw apiError(400, 'validation_failed', `items.${i}.id: collection ${item.id} is not in this environment`);
          if (moved.has(item.id)) throw apiError(400, 'validation_failed', `items.${i}.id: collection ${item.id} appears twice`);
          moved.add(item.id);
        });
        const order = current.filter((c) => !moved.has(c.id)).map((c) => c.id);
        for (const item of [...input.items].sort((a, b) => a.position - b.position)) order.splice(Math.min(item.position, order.length), 0, item.id);
        for (const [index, cid] of order.entries()) await trx.updateTable('collections').set({ position: index }).where('id', '=', cid).execute();
      });
      return list(environmentId);
    },

    /** Deletes with undo: the subtree goes to the trash in the same transaction. */
    remove(id: string): Promise<Deleted> {
      return data.transaction(async (trx) => {
        const row = await ctx.requireCollection(trx, id);
        const [folders, requests] = await Promise.all([q.foldersOf(trx, id), q.requestsOf(trx, id)]);
        const payload = { collection: row, collectionId: id, folders: byDepth(folders), requests };
        const deleted = await ctx.trash.put(trx, row.environment_id, 'collection', `collection “${row.name}”`, payload);
        await trx.deleteFrom('collections').where('id', '=', id).execute();
        return deleted;
      });
    },
  };
}

function copyName(name: string): string {
  return `${name} (copy)`.slice(0, 200);
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/** Folders ordered so each comes after its parent (roots = folders whose parent is not in the list). */
export function byDepth(folders: readonly FolderRow[]): FolderRow[] {
  const ids = new Set(folders.map((f) => f.id));
  const children = groupBy(folders, (f) => (f.parent_id && ids.has(f.parent_id) ? f.parent_id : ''));
  const out: FolderRow[] = [];
  const queue = [...(children.get('') ?? [])];
  while (queue.length > 0) {
    const f = queue.shift()!;
    out.push(f);
    queue.push(...(children.get(f.id) ?? []));
  }
  return out;
}
