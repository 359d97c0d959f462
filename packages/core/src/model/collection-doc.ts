import type { Result } from '../result.ts';
import { collectionDocV0Schema } from './collection-doc/v0.ts';
import { collectionDocV1, collectionDocV1Schema, type CollectionDocV1 } from './collection-doc/v1.ts';
import { versionedFormat } from './versioned.ts';

/**
 * A whole collection as the framework-free model: what importers produce, what storage reads and
 * writes through, and what exporters consume. It carries `version`; a new version adds a file
 * under `collection-doc/` with its `up()` and becomes the schema below.
 */
export const collectionDocSchema = collectionDocV1Schema;
export type CollectionDoc = CollectionDocV1;

const format = versionedFormat<CollectionDoc>({
  name: 'collection document',
  initial: collectionDocV0Schema,
  versions: [collectionDocV1],
  getVersion: (data) => {
    if (typeof data !== 'object' || data === null || !('version' in data)) return 0;
    return typeof data.version === 'number' ? data.version : null;
  },
});

/** The version every collection document is written with today. */
export const COLLECTION_DOC_VERSION = format.latest as CollectionDoc['version'];

/** Reads a collection document of any known version, migrated to the current one. */
export function parseCollectionDoc(data: unknown): Result<CollectionDoc> {
  return format.parse(data);
}
