import type { KeyValue, RequestAuth, RequestBody } from '../model/request.ts';
import { withQuery } from '../io/curl/to-curl.ts';

/** A request whose variables are already resolved (secrets excepted: they are never passed in). */
export type SnippetRequest = {
  method: string;
  url: string;
  query?: KeyValue[];
  headers?: KeyValue[];
  body?: RequestBody;
  auth?: RequestAuth;
};

type HarParam = { name: string; value?: string; fileName?: string; contentType?: string };
export type HarRequest = {
  method: string;
  url: string;
  httpVersion: string;
  headers: { name: string; value: string }[];
  queryString: { name: string; value: string }[];
  cookies: never[];
  headersSize: number;
  bodySize: number;
  postData?: { mimeType: string; text?: string; params?: HarParam[] };
};

/**
 * The HAR request httpsnippet reads. The M2M token goes in as `tokenMarker`, which the caller
 * swaps for a placeholder or an environment-variable expression; any Authorization header the
 * request carries is dropped, so no real credential reaches the snippet.
 */
export function toHar(req: SnippetRequest, tokenMarker: string): HarRequest {
  const headers = (req.headers ?? [])
    .filter((h) => h.enabled !== false && h.key.trim() !== '' && h.key.toLowerCase() !== 'authorization')
    .map((h) => ({ name: h.key, value: h.value }));
  const postData = harBody(req.body);
  const impliedType = req.body?.mode === 'multipart' ? undefined : postData?.mimeType;
  if (impliedType && !headers.some((h) => h.name.toLowerCase() === 'content-type')) headers.push({ name: 'content-type', value: impliedType });
  if (req.auth !== 'none') headers.push({ name: 'authorization', value: `Bearer ${tokenMarker}` });
  return {
    method: req.method,
    url: withQuery(req.url, req.query),
    httpVersion: 'HTTP/1.1',
    headers,
    queryString: [],
    cookies: [],
    headersSize: -1,
    bodySize: -1,
    ...(postData ? { postData } : {}),
  };
}

function harBody(body: RequestBody | undefined): HarRequest['postData'] {
  switch (body?.mode) {
    case 'json':
      return { mimeType: 'application/json', text: body.json };
    case 'text':
      return { mimeType: body.contentType ?? 'text/plain', text: body.text };
    case 'urlencoded':
      return {
        mimeType: 'application/x-www-form-urlencoded',
        params: body.urlencoded.filter((p) => p.enabled !== false).map((p) => ({ name: p.key, value: p.value })),
      };
    case 'multipart':
      return {
        mimeType: 'multipart/form-data',
        params: body.multipart
          .filter((p) => p.enabled !== false)
          .map((p) =>
            p.fileName !== undefined
              ? { name: p.key, fileName: p.fileName, ...(p.contentType ? { contentType: p.contentType } : {}) }
              : { name: p.key, value: p.value },
          ),
      };
    default:
      return undefined;
  }
}
