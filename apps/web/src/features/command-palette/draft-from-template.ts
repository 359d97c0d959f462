import type { KeyValue, RequestTemplate } from '@kinde-explorer/core';
import { newRow, type RequestDraft, rowsFromUrl } from '../../lib/core-request-draft.ts';
import { newId } from '../../lib/ids.ts';

const rows = (list: KeyValue[] | undefined) => (list ?? []).map((r) => newRow(r.key, r.value, r.enabled !== false));

/** An editor draft from a saved request template (the reverse of `toRequestTemplate`). */
export function draftFromTemplate(template: RequestTemplate): Partial<RequestDraft> {
  const draft: Partial<RequestDraft> = {
    method: template.method,
    url: template.url,
    query: rowsFromUrl(template.url, []),
    headers: rows(template.headers),
    auth: template.auth ?? 'kinde-m2m',
    bodyMode: template.body?.mode ?? 'none',
  };
  const body = template.body;
  if (body?.mode === 'json') draft.json = body.json;
  if (body?.mode === 'text') {
    draft.text = body.text;
    if (body.contentType) draft.textContentType = body.contentType;
  }
  if (body?.mode === 'urlencoded') draft.urlencoded = rows(body.urlencoded);
  if (body?.mode === 'multipart') draft.multipart = body.multipart.map((p) => newRow(p.key, p.value, p.enabled !== false));
  if (template.assertions?.length) draft.assertions = template.assertions.map((a) => ({ ...a, id: newId('assert') }));
  if (template.captures?.length) draft.captures = template.captures.map((c) => ({ ...c, id: newId('capture') }));
  if (template.scripts?.preRequest) draft.preRequestScript = template.scripts.preRequest;
  if (template.scripts?.test) draft.testScript = template.scripts.test;
  return draft;
}
