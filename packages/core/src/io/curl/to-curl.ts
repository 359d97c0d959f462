import type { KeyValue, RequestBody, RequestTemplate } from '../../model/request.ts';

export type ToCurlOptions = {
  /** What stands in for the M2M access token; never a real token. */
  tokenPlaceholder?: string;
};

export const DEFAULT_TOKEN_PLACEHOLDER = '<m2m_access_token>';

/**
 * Writes a request as a multi-line cURL command in the style of Kinde's docs. `{{variables}}` are
 * left as they are; the M2M token appears only as a placeholder.
 */
export function toCurl(request: RequestTemplate, opts: ToCurlOptions = {}): string {
  const lines: string[] = [request.method === 'HEAD' ? 'curl --head' : `curl --request ${request.method}`];
  lines.push(`--url ${quote(withQuery(request.url, request.query))}`);
  const headers = (request.headers ?? []).filter((h) => h.enabled !== false && h.key.toLowerCase() !== 'authorization');
  const impliedType = contentTypeFor(request.body);
  if (impliedType !== undefined && !headers.some((h) => h.key.toLowerCase() === 'content-type')) {
    headers.push({ key: 'content-type', value: impliedType });
  }
  for (const h of headers) lines.push(`--header ${quote(`${h.key}: ${h.value}`)}`);
  if (request.auth !== 'none') lines.push(`--header ${quote(`authorization: Bearer ${opts.tokenPlaceholder ?? DEFAULT_TOKEN_PLACEHOLDER}`)}`);
  lines.push(...bodyArgs(request.body));
  return lines.join(' \\\n  ');
}

/** The URL with the enabled extra query rows appended. */
export function withQuery(url: string, query: KeyValue[] | undefined): string {
  const extra = (query ?? []).filter((q) => q.enabled !== false).map((q) => `${q.key}=${q.value}`);
  if (extra.length === 0) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${extra.join('&')}`;
}

function contentTypeFor(body: RequestBody | undefined): string | undefined {
  switch (body?.mode) {
    case 'json':
      return 'application/json';
    case 'urlencoded':
      return 'application/x-www-form-urlencoded';
    case 'text':
      return body.contentType;
    default:
      return undefined;
  }
}

function bodyArgs(body: RequestBody | undefined): string[] {
  switch (body?.mode) {
    case 'json':
      return [dataArg(body.json)];
    case 'text':
      return [dataArg(body.text)];
    case 'urlencoded':
      return body.urlencoded.filter((r) => r.enabled !== false).map(urlencodedArg);
    case 'multipart':
      return body.multipart.filter((p) => p.enabled !== false).map((p) => {
        const type = p.contentType ? `;type=${p.contentType}` : '';
        if (p.fileName !== undefined) return `--form ${quote(`${p.key}=@${p.fileName}${type}`)}`;
        // --form would read `@x`/`<x` as files and parse `;type=`; --form-string sends the text as is.
        if (/^[@<]|;/.test(p.value) || type !== '') return `--form-string ${quote(`${p.key}=${p.value}`)}`;
        return `--form ${quote(`${p.key}=${p.value}`)}`;
      });
    default:
      return [];
  }
}

function dataArg(text: string): string {
  // --data reads a file when the text starts with @; --data-raw never does.
  return `${text.startsWith('@') ? '--data-raw' : '--data'} ${quote(text)}`;
}

function urlencodedArg(row: KeyValue): string {
  if (encode(row.key) !== row.key) return `--data ${quote(`${encode(row.key)}=${encode(row.value)}`)}`;
  if (encode(row.value) === row.value) return `--data ${quote(`${row.key}=${row.value}`)}`;
  return `--data-urlencode ${quote(`${row.key}=${row.value}`)}`;
}

function encode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** POSIX single-quoting: safe for any text, including quotes and newlines. */
export function quote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
