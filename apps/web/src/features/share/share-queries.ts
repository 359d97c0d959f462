import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { RequestTemplate, SendResult } from '@kinde-explorer/core';
import { client, unwrap } from '../../lib/api-client.ts';

export const shareKeys = {
  all: ['shares'] as const,
  one: (id: string) => ['shares', id] as const,
};

export interface ShareSummary {
  id: string;
  url: string;
  title: string;
  method: string;
  requestUrl: string;
  status: number;
  environmentName: string | null;
  createdAt: string;
}

export interface SharedResponse {
  status: number;
  statusText: string;
  headers: { key: string; value: string }[];
  body: string;
  bodyEncoding: 'utf8' | 'base64';
  bodyTruncated: boolean;
  bodyOmitted: boolean;
  size: number | null;
  timings: { tokenMs?: number; upstreamMs?: number; totalMs?: number };
  url: string | null;
}

export interface ShareView extends ShareSummary {
  request: RequestTemplate;
  response: SharedResponse;
  personalDataMasked: boolean;
  snippetAvailable: boolean;
}

export const sharesQuery = () =>
  queryOptions({
    queryKey: shareKeys.all,
    queryFn: async (): Promise<ShareSummary[]> => (await unwrap(client.api.shares.$get())).shares,
  });

/** One share; a revoked link answers 410 (`gone`), an unknown one 404: neither is worth retrying. */
export const shareQuery = (id: string) =>
  queryOptions({
    queryKey: shareKeys.one(id),
    queryFn: async (): Promise<ShareView> => (await unwrap(client.api.shares[':id'].$get({ param: { id } }))) as ShareView,
    retry: false,
  });

/** A response as the viewer holds it: a large body comes `prepared` (bytes) with `body` empty. */
export type ShareableResult = SendResult & { prepared?: { raw: Uint8Array } };

export interface CreateShareInput {
  environmentId: string;
  title: string;
  request: RequestTemplate;
  response: ShareableResult;
  maskPersonalData: boolean;
}

// The server accepts bodies up to 24 MB and keeps 2 MB of them; it masks before cutting.
const MAX_UPLOAD_BYTES = 24 * 1024 * 1024;

function bodyText(r: ShareableResult): string {
  if (!r.prepared) return r.body;
  return new TextDecoder().decode(r.prepared.raw.subarray(0, MAX_UPLOAD_BYTES));
}

export function useCreateShare() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: CreateShareInput) => {
      const { response: r, ...rest } = input;
      // Only what the page shows goes to the server; it redacts again before storing.
      const response = { status: r.status, statusText: r.statusText, headers: r.headers, body: bodyText(r), bodyEncoding: r.bodyEncoding, size: r.size, truncated: r.truncated, timings: r.timings, url: r.url };
      return unwrap(client.api.shares.$post({ json: { ...rest, response } }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: shareKeys.all }),
  });
}

export function useRevokeShare() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => unwrap(client.api.shares[':id'].$delete({ param: { id } })),
    onSettled: (_data, _error, id) => {
      queryClient.removeQueries({ queryKey: shareKeys.one(id) });
      return queryClient.invalidateQueries({ queryKey: shareKeys.all });
    },
  });
}

/** The link as a teammate opens it: this server's origin and the share's path. */
export function shareLink(path: string): string {
  return new URL(path, window.location.origin).href;
}
