import { queryOptions } from '@tanstack/react-query';
import { client, unwrap } from '../../lib/api-client.ts';
import { ApiClientError } from '../../lib/api-error.ts';
import type { OperationDetail, OperationSummary } from './core-catalog.ts';

/** Keys from general to specific: invalidating ['catalog'] after a spec change refreshes every operation. */
export const catalogKeys = {
  all: ['catalog'] as const,
  operation: (operationId: string) => ['catalog', 'operation', operationId] as const,
};

/** The operations of the loaded spec; a 503 `spec_unavailable` says how to provide one. */
export const catalogQuery = () =>
  queryOptions({
    queryKey: catalogKeys.all,
    queryFn: async (): Promise<OperationSummary[]> => (await unwrap(client.api.catalog.$get())).operations as OperationSummary[],
    staleTime: Infinity,
    // No spec loaded is a state to explain at once, not a hiccup to retry.
    retry: (count, error) => !(error instanceof ApiClientError && error.code === 'spec_unavailable') && count < 2,
  });

/** One operation in full (parameters, schemas, examples) for the docs panel and the body schema. */
export const operationQuery = (operationId: string) =>
  queryOptions({
    queryKey: catalogKeys.operation(operationId),
    queryFn: async (): Promise<OperationDetail> =>
      (await unwrap(client.api.catalog[':operationId'].$get({ param: { operationId } }))) as OperationDetail,
    staleTime: Infinity,
  });
