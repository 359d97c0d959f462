import { apiError } from '../../errors.ts';
import type { CollectionsService } from '../collections/index.ts';
import type { EnvironmentsService, ResolvedEnvironment } from '../environments/types.ts';

export interface SendResolverDeps {
  environments: Pick<EnvironmentsService, 'getResolved'>;
  collections: Pick<CollectionsService, 'get'>;
}

export type ResolveForSend = (environmentId: string, collectionId?: string) => Promise<ResolvedEnvironment>;

/**
 * The one place a send's variables are assembled: the environment's (secrets decrypted) over the
 * collection's enabled ones, Postman's precedence. Used by the relay for every send and by the
 * snippet service, so code for a request resolves what sending it would.
 */
export function createSendResolver(deps: SendResolverDeps): { resolveForSend: ResolveForSend } {
  return {
    async resolveForSend(environmentId, collectionId) {
      const env = await deps.environments.getResolved(environmentId);
      if (!collectionId) return env;
      const collection = await deps.collections.get(collectionId);
      // A collection of another environment is refused: its variables were written for other values.
      if (collection.environmentId !== environmentId) {
        throw apiError(400, 'validation_failed', `collectionId: collection "${collection.name}" belongs to another environment; send it with that environment.`);
      }
      const fromCollection: Record<string, string> = {};
      for (const v of collection.variables) if (v.enabled !== false) fromCollection[v.key] = v.value;
      return { ...env, variables: { ...fromCollection, ...env.variables } };
    },
  };
}

/**
 * A run's own values (captures, iteration data) over the resolved environment. They are never
 * secrets and never replace one: a key whose value is one of the environment's secrets keeps it.
 */
export function withRunVariables(env: ResolvedEnvironment, runVariables: Record<string, string> | undefined): ResolvedEnvironment {
  if (!runVariables) return env;
  const variables = { ...env.variables };
  for (const [key, value] of Object.entries(runVariables)) {
    const current = variables[key];
    if (current !== undefined && env.secretValues.includes(current)) continue;
    variables[key] = value;
  }
  return { ...env, variables };
}
