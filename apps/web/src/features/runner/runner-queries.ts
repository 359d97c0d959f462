import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { InferRequestType, InferResponseType } from 'hono/client';
import { client, unwrap } from '../../lib/api-client.ts';
import { errorFromResponse, errorFromThrown } from '../../lib/api-error.ts';
import { saveFile } from '../response-viewer/save-file.ts';
import { dispositionFileName } from '../import-export/export-file.ts';

/** What `POST /api/runs` takes. */
export type RunStartInput = InferRequestType<typeof client.api.runs.$post>['json'];
/** A run in lists. */
export type RunSummaryView = InferResponseType<typeof client.api.runs.$post, 201>;
/** One run in full, with the engine's results once it has ended. */
export type RunView = InferResponseType<(typeof client.api.runs)[':id']['$get'], 200>;

/** Keys from general to specific: ['runs'] → every list and run. */
export const runKeys = {
  all: ['runs'] as const,
  list: (collectionId: string) => ['runs', 'list', collectionId] as const,
  one: (id: string) => ['runs', 'one', id] as const,
};

/** The last runs of a collection (any of its folders), newest first. */
export const recentRunsQuery = (collectionId: string) =>
  queryOptions({
    queryKey: runKeys.list(collectionId),
    queryFn: async () => (await unwrap(client.api.runs.$get({ query: { collectionId, limit: '10' } }))).runs,
  });

export const runQuery = (id: string) =>
  queryOptions({
    queryKey: runKeys.one(id),
    queryFn: (): Promise<RunView> => unwrap(client.api.runs[':id'].$get({ param: { id } })),
  });

export function useStartRun(collectionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RunStartInput): Promise<RunSummaryView> => unwrap(client.api.runs.$post({ json: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: runKeys.list(collectionId) }),
  });
}

export function useStopRun() {
  return useMutation({
    mutationFn: (id: string) => unwrap(client.api.runs[':id'].stop.$post({ param: { id } })),
  });
}

/** Downloads a finished run as JUnit XML or JSON; answers the file name. */
export async function downloadRun(id: string, format: 'junit' | 'json', fallbackName: string): Promise<string> {
  let res: Response;
  try {
    res = (await client.api.runs[':id'].export.$get({ param: { id }, query: { format } })) as unknown as Response;
  } catch (thrown) {
    throw errorFromThrown(thrown);
  }
  if (!res.ok) throw await errorFromResponse(res);
  const name = dispositionFileName(res.headers.get('content-disposition')) ?? fallbackName;
  const text = format === 'json' ? `${JSON.stringify(await res.json(), null, 2)}\n` : await res.text();
  saveFile(text, name, format === 'json' ? 'application/json' : 'application/xml');
  return name;
}
