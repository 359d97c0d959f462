import { exportPostmanCollection, exportPostmanEnvironment, type PostmanCollection, type PostmanEnvironment } from '@kinde-explorer/core';
import type { EnvironmentsService } from '../environments/types.ts';
import { collectionToDoc } from './collection-doc.ts';
import type { CollectionsService } from './index.ts';
import { mapStrings, secretScrubber } from './sanitize-request.ts';

export interface Download<T> {
  filename: string;
  body: T;
}

/**
 * A collection as Postman Collection v2.1. Stored requests hold no secrets already; scrubbing
 * again with the environment's current secrets covers a secret added after the request was saved.
 */
export async function exportCollection(collections: CollectionsService, collectionId: string): Promise<Download<PostmanCollection>> {
  const doc = await collectionToDoc(collections.context, collectionId);
  const envId = (await collections.context.requireCollection(collections.context.db, collectionId)).environment_id;
  const scrub = secretScrubber(await collections.context.secretsFor(envId));
  const clean = mapStrings(doc, (s) => scrub(s).text);
  return { filename: `${doc.name}.postman_collection.json`, body: exportPostmanCollection(clean) };
}

/** An environment in Postman's format; secret values are left out (empty, `type: 'secret'`). */
export async function exportEnvironment(environments: Pick<EnvironmentsService, 'get'>, environmentId: string): Promise<Download<PostmanEnvironment>> {
  const env = await environments.get(environmentId);
  return { filename: `${env.name}.postman_environment.json`, body: exportPostmanEnvironment(env) };
}

/** `attachment` with an ASCII fallback name and the exact name in `filename*` (RFC 6266). */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\w .()-]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
