import type { HttpMethod, RequestBody } from '@kinde-explorer/core';

export interface UpstreamBody {
  body: string | URLSearchParams | FormData | undefined;
  /** Implied content type; FormData sets its own (with the boundary), so none is given for it. */
  contentType: string | undefined;
}

/**
 * Turns the (interpolated) body into what fetch sends. GET and HEAD cannot carry a body with
 * fetch, and Kinde ignores one there, so a body left in the editor after switching method is dropped.
 */
export function upstreamBody(method: HttpMethod, body: RequestBody | undefined): UpstreamBody {
  if (!body || method === 'GET' || method === 'HEAD') return { body: undefined, contentType: undefined };
  switch (body.mode) {
    case 'none':
      return { body: undefined, contentType: undefined };
    case 'json':
      return { body: body.json, contentType: 'application/json' };
    case 'text':
      return { body: body.text, contentType: body.contentType || 'text/plain; charset=utf-8' };
    case 'urlencoded': {
      const form = new URLSearchParams();
      for (const row of body.urlencoded) if (row.enabled !== false && row.key !== '') form.append(row.key, row.value);
      return { body: form, contentType: 'application/x-www-form-urlencoded' };
    }
    case 'multipart': {
      const form = new FormData();
      for (const part of body.multipart) {
        if (part.enabled === false || part.key === '') continue;
        if (part.fileName !== undefined) {
          form.append(part.key, new Blob([part.value], { type: part.contentType ?? 'application/octet-stream' }), part.fileName);
        } else {
          form.append(part.key, part.value);
        }
      }
      return { body: form, contentType: undefined };
    }
  }
}

/** Appends the template's enabled `query` rows to the URL (the editor normally keeps them in the URL itself). */
export function appendQuery(url: string, query: { key: string; value: string; enabled?: boolean | undefined }[] | undefined): string {
  const rows = (query ?? []).filter((q) => q.enabled !== false && q.key !== '');
  if (rows.length === 0) return url;
  const hashAt = url.indexOf('#');
  const base = hashAt >= 0 ? url.slice(0, hashAt) : url;
  const extra = rows.map((q) => `${encodeURIComponent(q.key)}=${encodeURIComponent(q.value)}`).join('&');
  const sep = base.includes('?') ? (base.endsWith('?') || base.endsWith('&') ? '' : '&') : '?';
  return `${base}${sep}${extra}`;
}
