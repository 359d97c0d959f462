import { newRow } from '../model/request-draft.ts';
import type { BodyMode, RequestDraft } from '../model/request-draft-schema.ts';
import { urlFromRows } from '../model/url-query.ts';
import type { OperationDetail } from './catalog-schema.ts';
import { buildRequestFromOperation } from './build-request.ts';

/**
 * A request tab's draft for a catalog operation: method, `{{business_domain}}` + path (its
 * `{param}` tokens filled from the path-parameter form on send), the documented query parameters
 * (required ones switched on, with a sample value), header parameters and a body that can be sent
 * as it opens. The web app opens catalog tabs with it; the catalog coverage test sends what it builds.
 */
export function draftFromOperation(detail: OperationDetail): Partial<RequestDraft> {
  const { request, pathParams } = buildRequestFromOperation(detail);
  const query = (request.query ?? []).map((q) => newRow(q.key, q.value, q.enabled !== false));
  const headerParams = (request.headers ?? []).map((h) => newRow(h.key, h.value, h.enabled !== false));
  const body = request.body ?? { mode: 'none' };
  const draft: Partial<RequestDraft> = {
    method: request.method,
    url: urlFromRows(request.url, query),
    query,
    headers: [newRow('Accept', 'application/json'), ...headerParams],
    bodyMode: body.mode as BodyMode,
    auth: request.auth ?? 'kinde-m2m',
    operationId: detail.operationId,
    pathParams,
  };
  if (body.mode === 'json') draft.json = body.json;
  if (body.mode === 'text') {
    draft.text = body.text;
    if (body.contentType) draft.textContentType = body.contentType;
  }
  if (body.mode === 'urlencoded') draft.urlencoded = body.urlencoded.map((r) => newRow(r.key, r.value, r.enabled !== false));
  if (body.mode === 'multipart') draft.multipart = body.multipart.map((r) => newRow(r.key, r.value, r.enabled !== false));
  return draft;
}
