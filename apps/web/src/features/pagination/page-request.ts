import type { RequestTemplate } from '@kinde-explorer/core';
import { toRequestTemplate, type RequestDraft, urlFromRows } from '../../lib/core-request-draft.ts';
import { setQueryParam } from '../catalog/query-rows.ts';

/** The draft asking for the page after `nextToken` (null: the first page, without next_token). */
export function draftForPage(draft: RequestDraft, nextToken: string | null): Pick<RequestDraft, 'query' | 'url'> {
  const query = nextToken
    ? setQueryParam(draft.query, 'next_token', { value: nextToken, enabled: true })
    : draft.query.some((r) => r.key === 'next_token')
      ? setQueryParam(draft.query, 'next_token', { value: '', enabled: false })
      : draft.query;
  return { query, url: urlFromRows(draft.url, query) };
}

/** The request template for one page, as the server's /api/send takes it. */
export function pageRequest(draft: RequestDraft, nextToken: string | null): RequestTemplate {
  return toRequestTemplate({ ...draft, ...draftForPage(draft, nextToken) });
}
