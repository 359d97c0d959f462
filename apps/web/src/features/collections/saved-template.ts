import type { RequestTemplate } from '@kinde-explorer/core';
import { newDraft, newRow, toRequestTemplate, type RequestDraft, rowsFromUrl, urlFromRows } from '../../lib/core-request-draft.ts';
import { draftFromTemplate } from '../command-palette/draft-from-template.ts';

/**
 * A tab's draft from a saved request. The editor keeps enabled query parameters inside the URL and
 * disabled ones only in its table; a saved template may carry extra ones in `query` (Postman's
 * disabled `next_token`, say), so those join the table here and nothing is lost on the next save.
 */
export function draftFromSaved(template: RequestTemplate): Partial<RequestDraft> {
  const draft = draftFromTemplate(template);
  const extra = (template.query ?? []).map((q) => newRow(q.key, q.value, q.enabled !== false));
  if (extra.length === 0) return draft;
  const rows = [...rowsFromUrl(template.url, []), ...extra];
  return { ...draft, url: urlFromRows(template.url, rows), query: rows };
}

/** What a save stores: the sent template plus the disabled query rows, which the URL cannot hold. */
export function templateFromDraft(draft: RequestDraft): RequestTemplate {
  const template = toRequestTemplate(draft);
  const disabled = draft.query.filter((r) => !r.enabled && r.key.trim() !== '').map((r) => ({ key: r.key, value: r.value, enabled: false }));
  return disabled.length > 0 ? { ...template, query: disabled } : template;
}

/** A comparable fingerprint of a draft: equal fingerprints mean nothing to save. */
export function draftFingerprint(draft: RequestDraft): string {
  return JSON.stringify(templateFromDraft(draft));
}

/** The fingerprint of a saved template as a freshly opened tab would have it. */
export function savedFingerprint(template: RequestTemplate): string {
  return draftFingerprint(newDraft(draftFromSaved(template)));
}
