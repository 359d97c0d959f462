import { apiError } from '../../errors.ts';
import type { CollectionsService } from '../collections/index.ts';
import type { ResolvedEnvironment } from '../environments/types.ts';

/**
 * The enabled variables of a collection, for a request sent (or turned into code) from it. A
 * collection of another environment is refused: its variables were written for other values.
 */
export function collectionVariables(
  collections: Pick<CollectionsService, 'get'>,
  collectionId: string | undefined,
  environmentId: string,
): Record<string, string> {
  if (!collectionId) return {};
  const collection = collections.get(collectionId);
  if (collection.environmentId !== environmentId) {
    throw apiError(400, 'validation_failed', `collectionId: collection "${collection.name}" belongs to another environment; send it with that environment.`);
  }
  const out: Record<string, string> = {};
  for (const v of collection.variables) if (v.enabled !== false) out[v.key] = v.value;
  return out;
}

/** Postman's precedence: the environment's variables override the collection's, which fill gaps. */
export function withCollectionVariables(env: ResolvedEnvironment, vars: Record<string, string>): ResolvedEnvironment {
  return { ...env, variables: { ...vars, ...env.variables } };
}
