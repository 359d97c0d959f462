import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../lib/api-client.ts';
import { catalogKeys } from '../catalog/catalog-queries.ts';

export const specKeys = { status: ['spec', 'status'] as const };

/** Which spec the server has loaded: source, title, version, number of operations. */
export const specStatusQuery = () =>
  queryOptions({
    queryKey: specKeys.status,
    queryFn: () => unwrap(client.api.spec.status.$get()),
  });

export type SpecUpload = { content: string } | { url: string };

/** Replaces the spec (file content or URL); on success the catalog and every operation reload. */
export function useReplaceSpec() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SpecUpload) => unwrap(client.api.spec.$put({ json: input })),
    onSuccess: (status) => {
      queryClient.setQueryData(specKeys.status, status);
      return queryClient.invalidateQueries({ queryKey: catalogKeys.all });
    },
  });
}
