import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import { client, unwrap } from '../../lib/api-client.ts';
import { environmentKeys } from '../environments/environment-queries.ts';
import { collectionKeys } from '../collections/collections-queries.ts';
import type { ImportFormat } from './guess-format.ts';

/** What an import answers: what it created and the report of what it kept and could not map. */
export type ImportAnswer = InferResponseType<(typeof client.api.import)['$post'], 201>;

export interface ImportVariables {
  content: string;
  format?: ImportFormat;
  /** Where collections go and a Postman environment is merged; null: a Postman environment becomes a new environment. */
  environmentId: string | null;
}

/** Runs an import and refreshes what it may have changed (collections, environments). */
export function useImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ content, format, environmentId }: ImportVariables): Promise<ImportAnswer> =>
      environmentId
        ? unwrap(client.api.environments[':id'].import.$post({ param: { id: environmentId }, json: { content, format } }))
        : unwrap(client.api.import.$post({ json: { content, format } })),
    onSuccess: async (answer) => {
      if (answer.collections.length > 0) await queryClient.invalidateQueries({ queryKey: collectionKeys.all });
      if (answer.environment) {
        await queryClient.invalidateQueries({ queryKey: environmentKeys.all });
      }
    },
  });
}
