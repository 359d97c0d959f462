import { randomUUID } from 'node:crypto';
import type { Ctx } from './context.ts';
import { apiError } from '../../errors.ts';
import { durableWrite, nextTimestamp } from './durable-write.ts';
import { buildTree, toCollectionView, type CollectionRow, type FolderRow } from './rows.ts';
import { mapStrings, secretScrubber } from './sanitize-request.ts';
import type { CollectionCopy, CollectionCreate, CollectionReorder, CollectionUpdate, CollectionView, Deleted } from './schemas.ts';

/** Collections of an environment: list with their trees, create, rename, duplicate, copy/move, delete. */
export function collectionOps(ctx: Ctx) {
  const { db, q } = ctx;

  const view = (row: CollectionRow): CollectionView => toCollectionView(row, buildTree(q.foldersOf.all(row.id), q.requestsOf.all(row.id)));

  const cleanVariables = (environmentId: string, vars: CollectionCreate['variables']) => {
    if (!vars) return undefined;
    const scrub = secretScrubber(ctx.secretsFor(environmentId));
    return mapStrings(vars, (s) => scrub(s).text);
  };

  /** Copies a collection's rows under new ids into an environment; folder links are remapped. */
  const copyRows = (source: CollectionRow, environmentId: string, name: string): string => {
    const id = randomUUID();
    const now = nextTimestamp();
    q.insertCollection.run({
      ...source,
      id,
      environment_id: environmentId,
      name,
      position: q.nextCollectionPosition.get(environmentId)!.p,
      created_at: now,
      updated_at: now,
    });
    const folderIds = new Map<string, string>();
    const folders = q.foldersOf.all(source.id);
    for (const f of folders) folderIds.set(f.id, randomUUID());
    // Parents first: a folder row references its parent, so insert in depth order.
    for (const f of byDepth(folders)) {
      q.insertFolder.run({ ...f, id: folderIds.get(f.id)!, collection_id: id, parent_id: f.parent_id ? folderIds.get(f.parent_id)! : null, created_at: now, updated_at: now });
    }
    for (const r of q.requestsOf.all(source.id)) {
      q.insertRequest.run({ ...r, id: randomUUID(), collection_id: id, folder_id: r.folder_id ? folderIds.get(r.folder_id)! : null, created_at: now, updated_at: now });
    }
    return id;
  };

  const get = (id: string): CollectionView => view(ctx.requireCollection(id));

  /** Every collection of the environment with its folders and requests, in order. */
  const list = (environmentId: string): CollectionView[] => {
    ctx.requireEnvironment(environmentId);
    // Three queries for the whole environment rather than three per collection.
    const folders = groupBy(q.foldersOfEnv.all(environmentId), (f) => f.collection_id);
    const requests = groupBy(q.requestsOfEnv.all(environmentId), (r) => r.collection_id);
    return q.collectionsOfEnv.all(environmentId).map((c) => toCollectionView(c, buildTree(folders.get(c.id) ?? [], requests.get(c.id) ?? [])));
  };

  return {
    list,

    get,

    create(environmentId: string, input: CollectionCreate): CollectionView {
      ctx.requireEnvironment(environmentId);
      const id = randomUUID();
      const variables = cleanVariables(environmentId, input.variables) ?? [];
      durableWrite(db, () => {
        const now = nextTimestamp();
        q.insertCollection.run({
          id,
          environment_id: environmentId,
          name: input.name,
          description: input.description ?? null,
          variables_json: JSON.stringify(variables),
          scripts_json: null,
          position: q.nextCollectionPosition.get(environmentId)!.p,
          created_at: now,
          updated_at: now,
        });
      });
      return get(id);
    },

    update(id: string, patch: CollectionUpdate): CollectionView {
      durableWrite(db, () => {
        const row = ctx.requireCollection(id);
        const variables = cleanVariables(row.environment_id, patch.variables);
        db.prepare('UPDATE collections SET name = ?, description = ?, variables_json = ?, updated_at = ? WHERE id = ?').run(
          patch.name ?? row.name,
          patch.description === undefined ? row.description : patch.description,
          variables ? JSON.stringify(variables) : row.variables_json,
          nextTimestamp(),
          id,
        );
      });
      return get(id);
    },

    /** A copy beside the original, named "<name> (copy)". */
    duplicate(id: string): CollectionView {
      const newId = durableWrite(db, () => {
        const source = ctx.requireCollection(id);
        return copyRows(source, source.environment_id, copyName(source.name));
      });
      return get(newId);
    },

    /** Copies (new ids) or moves (same ids) a collection into another environment. */
    copyTo(id: string, input: CollectionCopy): CollectionView {
      ctx.requireEnvironment(input.environmentId);
      const resultId = durableWrite(db, () => {
        const source = ctx.requireCollection(id);
        if (!input.move) return copyRows(source, input.environmentId, input.name ?? (input.environmentId === source.environment_id ? copyName(source.name) : source.name));
        if (input.environmentId !== source.environment_id) {
          db.prepare('UPDATE collections SET environment_id = ?, name = ?, position = ?, updated_at = ? WHERE id = ?').run(
            input.environmentId,
            input.name ?? source.name,
            q.nextCollectionPosition.get(input.environmentId)!.p,
            nextTimestamp(),
            id,
          );
        }
        return id;
      });
      return get(resultId);
    },

    /** Moves collections within their environment's list (final indexes, like items in a collection). */
    reorderCollections(environmentId: string, input: CollectionReorder): CollectionView[] {
      ctx.requireEnvironment(environmentId);
      durableWrite(db, () => {
        const current = q.collectionsOfEnv.all(environmentId);
        const ids = new Set(current.map((c) => c.id));
        const moved = new Set<string>();
        input.items.forEach((item, i) => {
          if (!ids.has(item.id)) throw apiError(400, 'validation_failed', `items.${i}.id: collection ${item.id} is not in this environment`);
          if (moved.has(item.id)) throw apiError(400, 'validation_failed', `items.${i}.id: collection ${item.id} appears twice`);
          moved.add(item.id);
        });
        const order = current.filter((c) => !moved.has(c.id)).map((c) => c.id);
        for (const item of [...input.items].sort((a, b) => a.position - b.position)) order.splice(Math.min(item.position, order.length), 0, item.id);
        const set = db.prepare('UPDATE collections SET position = ? WHERE id = ?');
        order.forEach((id, index) => set.run(index, id));
      });
      return list(environmentId);
    },

    /** Deletes with undo: the subtree goes to the trash in the same transaction. */
    remove(id: string): Deleted {
      return durableWrite(db, () => {
        const row = ctx.requireCollection(id);
        const payload = { collection: row, collectionId: id, folders: byDepth(q.foldersOf.all(id)), requests: q.requestsOf.all(id) };
        const deleted = ctx.trash.put(row.environment_id, 'collection', `collection “${row.name}”`, payload);
        db.prepare('DELETE FROM collections WHERE id = ?').run(id);
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
