import { randomUUID } from 'node:crypto';
import { COLLECTION_DOC_VERSION, requestTemplateSchema, type CollectionDoc, type CollectionItem, type Scripts } from '@kinde-explorer/core';
import type { Ctx } from './context.ts';
import type { Db } from '../storage/index.ts';
import { nextTimestamp } from './timestamp.ts';
import { childrenByParent, q } from './rows.ts';
import { mapStrings, sanitizeWith, secretScrubber } from './sanitize-request.ts';
import { scriptsToStore, storedScripts } from './stored-scripts.ts';

/** What storing an imported collection did beyond what the importer reported. */
export interface InsertedCollection {
  id: string;
  name: string;
  folders: number;
  requests: number;
  /** Report lines: requests skipped as invalid, secrets removed. */
  unmapped: string[];
}

const clampName = (name: string, fallback: string) => name.trim().slice(0, 200) || fallback;

/**
 * Stores an imported collection in an environment as one transaction (the Kinde spec's 183
 * requests included), every request made safe to store first.
 */
export async function insertCollectionDoc(ctx: Ctx, environmentId: string, doc: CollectionDoc): Promise<InsertedCollection> {
  await ctx.requireEnvironment(environmentId);
  const scrub = secretScrubber(await ctx.secretsFor(environmentId));
  const unmapped = new Set<string>();
  const id = randomUUID();
  const name = clampName(doc.name, 'Imported collection');
  let folders = 0;
  let requests = 0;

  await ctx.data.transaction(async (trx) => {
    const now = nextTimestamp();
    await q.insertCollection(trx, {
      id,
      environment_id: environmentId,
      name,
      description: doc.description ?? null,
      variables_json: JSON.stringify(mapStrings(doc.variables, (s) => scrub(s).text)),
      scripts_json: scriptsToStore(doc.scripts, scrub).json,
      position: await q.nextCollectionPosition(trx, environmentId),
      created_at: now,
      updated_at: now,
    });
    const insertItems = async (tx: Db, items: readonly CollectionItem[], parent: string | null) => {
      let position = 0;
      for (const item of items) {
        if (item.type === 'folder') {
          const folderId = randomUUID();
          await q.insertFolder(tx, {
            id: folderId,
            collection_id: id,
            parent_id: parent,
            name: clampName(item.name, 'Folder'),
            description: item.description ?? null,
            scripts_json: scriptsToStore(item.scripts, scrub).json,
            position: position++,
            created_at: now,
            updated_at: now,
          });
          folders++;
          await insertItems(tx, item.items, folderId);
          continue;
        }
        const parsed = requestTemplateSchema.safeParse(item.request);
        if (!parsed.success) {
          unmapped.add(`request '${item.name}' — not stored: ${parsed.error.issues[0]?.message ?? 'invalid request'}`);
          continue;
        }
        const { request, notices } = sanitizeWith(parsed.data, scrub);
        for (const n of notices) unmapped.add(`request '${item.name}': ${n}`);
        await q.insertRequest(tx, {
          id: randomUUID(),
          collection_id: id,
          folder_id: parent,
          name: clampName(item.name, 'Request'),
          description: item.description ?? null,
          position: position++,
          request_json: JSON.stringify(request),
          created_at: now,
          updated_at: now,
        });
        requests++;
      }
    };
    await insertItems(trx, doc.items, null);
  });
  return { id, name, folders, requests, unmapped: [...unmapped] };
}

/**
 * A stored collection as the framework-free model the exporters read. `withIds` keeps the stored
 * ids on folders and requests (the runner reports results by them; exports leave them out).
 */
export async function collectionToDoc(ctx: Ctx, collectionId: string, opts: { withIds?: boolean } = {}): Promise<CollectionDoc> {
  const c = await ctx.requireCollection(ctx.db, collectionId);
  const [folders, requests] = await Promise.all([q.foldersOf(ctx.db, collectionId), q.requestsOf(ctx.db, collectionId)]);
  const byParent = childrenByParent(folders, requests);
  const build = (parent: string): CollectionItem[] =>
    (byParent.get(parent) ?? []).map((child): CollectionItem => {
      const description = child.row.description ? { description: child.row.description } : {};
      const id = opts.withIds ? { id: child.row.id } : {};
      if (child.type === 'folder') return { type: 'folder', ...id, name: child.row.name, ...description, ...scriptsOf(child.row.scripts_json), items: build(child.row.id) };
      return { type: 'request', ...id, name: child.row.name, ...description, request: JSON.parse(child.row.request_json) };
    });
  return {
    version: COLLECTION_DOC_VERSION,
    name: c.name,
    ...(c.description ? { description: c.description } : {}),
    items: build(''),
    variables: JSON.parse(c.variables_json) as CollectionDoc['variables'],
    ...scriptsOf(c.scripts_json),
  };
}

function scriptsOf(json: string | null): { scripts?: Scripts } {
  const scripts = storedScripts(json);
  return scripts ? { scripts } : {};
}
