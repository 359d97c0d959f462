import { newRow, type BodyMode, type RequestDraft, urlFromRows } from '../../lib/core-request-draft.ts';
import { buildRequestFromOperation, type OperationDetail } from './core-catalog.ts';

/**
 * A request tab's draft for a catalog operation: method, `{{business_domain}}` + path (its
 * `{param}` tokens filled from the path-parameter form on send), the documented query parameters
 * (required ones switched on), header parameters and a body skeleton from the request schema.
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
