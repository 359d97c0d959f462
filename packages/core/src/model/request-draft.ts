import { applyPathParams } from '../catalog/build-request.ts';
import { newId } from './new-id.ts';
import type { RequestTemplate } from './request.ts';
import type { KeyValueRow, RequestDraft } from './request-draft-schema.ts';
import type { Assertion, Capture } from './tests.ts';

/** A new editable row with a fresh id. */
export function newRow(key = '', value = '', enabled = true): KeyValueRow {
  return { id: newId('row'), key, value, enabled };
}

/** The first request a newcomer sees: list the users of the selected environment. */
export function newDraft(overrides: Partial<RequestDraft> = {}): RequestDraft {
  return {
    method: 'GET',
    url: '{{business_domain}}/api/v1/users',
    query: [],
    headers: [newRow('Accept', 'application/json')],
    bodyMode: 'none',
    json: '{\n  \n}',
    text: '',
    textContentType: 'text/plain',
    urlencoded: [],
    multipart: [],
    auth: 'kinde-m2m',
    ...overrides,
  };
}

function rowsToPairs(rows: readonly KeyValueRow[]) {
  return rows.filter((r) => r.key.trim() !== '').map((r) => ({ key: r.key, value: r.value, enabled: r.enabled }));
}

/** The template the server receives: the URL already carries the enabled query rows. */
export function toRequestTemplate(draft: RequestDraft): RequestTemplate {
  const template: RequestTemplate = {
    method: draft.method,
    url: applyPathParams(draft.url.trim(), draft.pathParams ?? []),
    headers: rowsToPairs(draft.headers),
    auth: draft.auth,
    ...testsOfDraft(draft),
  };
  switch (draft.bodyMode) {
    case 'json':
      template.body = { mode: 'json', json: draft.json };
      break;
    case 'text':
      template.body = { mode: 'text', text: draft.text, contentType: draft.textContentType || undefined };
      break;
    case 'urlencoded':
      template.body = { mode: 'urlencoded', urlencoded: rowsToPairs(draft.urlencoded) };
      break;
    case 'multipart':
      template.body = { mode: 'multipart', multipart: rowsToPairs(draft.multipart) };
      break;
    default:
      template.body = { mode: 'none' };
  }
  return template;
}

/** The tests part of a template; fields that are empty stay out, so plain requests are unchanged. */
export function testsOfDraft(draft: RequestDraft): Pick<RequestTemplate, 'assertions' | 'captures' | 'scripts'> {
  const strip = <T extends { id: string }>(rows: readonly T[]) => rows.map(({ id: _id, ...rest }) => rest);
  const out: Pick<RequestTemplate, 'assertions' | 'captures' | 'scripts'> = {};
  if (draft.assertions?.length) out.assertions = strip(draft.assertions) as Assertion[];
  if (draft.captures?.length) out.captures = strip(draft.captures) as Capture[];
  const scripts = { ...(draft.preRequestScript?.trim() ? { preRequest: draft.preRequestScript } : {}), ...(draft.testScript?.trim() ? { test: draft.testScript } : {}) };
  if (scripts.preRequest !== undefined || scripts.test !== undefined) out.scripts = scripts;
  return out;
}

/** Every text of the draft that is sent, for the unresolved-variable check. */
export function sentTexts(draft: RequestDraft): string[] {
  const enabled = (rows: readonly KeyValueRow[]) => rows.filter((r) => r.enabled).flatMap((r) => [r.key, r.value]);
  const texts = [draft.url, ...(draft.pathParams ?? []).map((p) => p.value), ...enabled(draft.headers)];
  if (draft.bodyMode === 'json') texts.push(draft.json);
  if (draft.bodyMode === 'text') texts.push(draft.text);
  if (draft.bodyMode === 'urlencoded') texts.push(...enabled(draft.urlencoded));
  if (draft.bodyMode === 'multipart') texts.push(...enabled(draft.multipart));
  return texts;
}

/** A short tab title such as "GET /users". */
export function draftTitle(draft: RequestDraft): string {
  const path = draft.url.replace(/^\{\{[^}]+\}\}/, '').replace(/^https?:\/\/[^/]+/, '').split('?')[0] ?? '';
  const trimmed = path.replace(/^\/api\/v1/, '') || path || 'New request';
  return `${draft.method} ${trimmed}`;
}
