import type { z } from 'zod';
import { HTTP_METHODS, type HttpMethod, type KeyValue, type multipartPartSchema, type RequestAuth, type RequestBody } from '../../model/request.ts';
import { err, ok, type Result } from '../../result.ts';
import type { SavedRequest } from '../../model/collection-item.ts';
import type { ImportReport } from '../import-result.ts';
import { ReportBuilder } from '../import-report.ts';
import { BUSINESS_DOMAIN_VAR, isTokenUrl, originReportLine, replaceKindeOrigin } from '../kinde-origin.ts';
import { readCurlArgs } from './curl-options.ts';
import { protectCredentials } from './protect-credentials.ts';
import { shellWords } from './shell-words.ts';

type MultipartPart = z.infer<typeof multipartPartSchema>;

/** One `-d`-like argument: its text as curl would send it, and its rows when it came from --data-urlencode. */
type DataPart = { text: string; rows?: KeyValue[] };

/**
 * Reads a cURL command (as copied from docs or a browser) into a saved request. Credentials are
 * never carried over: a Bearer token becomes the environment's Kinde M2M token, a client secret
 * becomes `{{client_secret}}`, and `https://<sub>.kinde.com` becomes `{{business_domain}}`.
 */
export function parseCurl(command: string): Result<{ request: SavedRequest; report: ImportReport }> {
  const split = shellWords(command.trim().replace(/^\$\s+/, ''));
  if (!split.ok) return split;
  const [first, ...words] = split.value.words;
  if (first === undefined || !/(^|[/\\])curl(\.exe)?$/i.test(first)) return err('not a cURL command: it should start with `curl`');

  const report = new ReportBuilder();
  if (split.value.rest) report.unmapped(`'${clip(split.value.rest)}' after the curl command — ignored (only the curl command is imported)`);

  let method: string | undefined;
  let get = false;
  let head = false;
  let bearer = false;
  const urls: string[] = [];
  const rawHeaders: string[] = [];
  const data: DataPart[] = [];
  const json: string[] = [];
  const form: MultipartPart[] = [];
  const ignored = new Set<string>();

  for (const arg of readCurlArgs(words)) {
    if (arg.kind === 'positional') urls.push(arg.value);
    else if (arg.kind === 'ignored') ignored.add(arg.flag);
    else if (arg.kind === 'unknown') report.unmapped(`option '${arg.flag}' not understood — ignored`);
    else if (arg.kind === 'missing-value') return err(`option ${arg.flag} needs a value`);
    else {
      const v = arg.value;
      switch (arg.name) {
        case 'request': method = v.toUpperCase(); break;
        case 'header': rawHeaders.push(v); break;
        case 'user-agent': rawHeaders.push(`User-Agent: ${v}`); break;
        case 'referer': rawHeaders.push(`Referer: ${v}`); break;
        case 'data':
        case 'data-binary':
          if (v.startsWith('@')) report.unmapped(`data read from file '${v}' — not imported`);
          else data.push({ text: v });
          break;
        case 'data-raw': data.push({ text: v }); break;
        case 'data-urlencode': {
          const part = urlencodePart(v);
          if (part) data.push(part);
          else report.unmapped(`data read from file '${v}' — not imported`);
          break;
        }
        case 'json':
          if (v.startsWith('@')) report.unmapped(`JSON read from file '${v}' — not imported`);
          else json.push(v);
          break;
        case 'form':
        case 'form-string': form.push(formPart(v, arg.name === 'form-string', report)); break;
        case 'user': report.unmapped('basic auth credentials (-u) not imported — credentials are secrets'); break;
        case 'url': urls.push(v); break;
        case 'get': get = true; break;
        case 'head': head = true; break;
        case 'cookie': report.unmapped('cookies (-b/--cookie) not imported — the explorer sends no cookies'); break;
        case 'oauth2-bearer': bearer = true; break;
      }
    }
  }
  if (ignored.size > 0) report.kept(`curl options ignored (they change how curl runs, not what it sends): ${[...ignored].join(', ')}`);

  const firstUrl = urls[0];
  if (firstUrl === undefined) return err('no URL in the curl command');
  if (urls.length > 1) report.unmapped(`extra URL(s) ${urls.slice(1).map((u) => `'${clip(u)}'`).join(', ')} — only the first is imported`);
  let url = withScheme(firstUrl);
  if (get && data.length > 0) {
    url += (url.includes('?') ? '&' : '?') + data.map((d) => d.text).join('&');
    data.length = 0;
  }
  const rewrite = replaceKindeOrigin(url);
  if (rewrite.replaced !== undefined) report.kept(originReportLine(rewrite.replaced));
  url = rewrite.url;

  const headers: KeyValue[] = [];
  for (const raw of rawHeaders) {
    const h = readHeader(raw, report);
    if (h === undefined) continue;
    const lower = h.key.toLowerCase();
    if (lower === 'authorization') {
      if (/^bearer\s/i.test(h.value)) bearer = true;
      else report.unmapped('Authorization header not imported — credentials are secrets');
    } else if (lower === 'cookie') {
      report.unmapped('Cookie header not imported — the explorer sends no cookies');
    } else {
      headers.push(h);
    }
  }
  if (bearer) report.kept('Authorization: Bearer token → Kinde M2M token of the environment (token not imported: tokens are secrets)');

  const contentType = [...headers].reverse().find((h) => h.key.toLowerCase() === 'content-type')?.value;
  let body = buildBody({ form, json, data, contentType, headers, report });
  dropImpliedContentType(headers, body);

  const finalMethod = method ?? (head ? 'HEAD' : get ? 'GET' : body !== undefined || form.length > 0 || data.length > 0 ? 'POST' : 'GET');
  if (!(HTTP_METHODS as readonly string[]).includes(finalMethod)) return err(`method '${finalMethod}' is not supported (use one of ${HTTP_METHODS.join(', ')})`);

  const tokenRequest = isTokenUrl(url) && bodyMentions(body, 'grant_type');
  const protectedParts = protectCredentials(url, body, tokenRequest, report);
  url = protectedParts.url;
  body = protectedParts.body;

  let auth: RequestAuth = 'none';
  if (bearer) auth = 'kinde-m2m';
  else if (!tokenRequest && url.startsWith(`${BUSINESS_DOMAIN_VAR}/api/`)) {
    report.kept("no Authorization header, but Kinde's API needs one: the request uses the Kinde M2M token of the environment");
    auth = 'kinde-m2m';
  }
  if (tokenRequest) {
    report.kept("this is Kinde's M2M token request: the explorer does this exchange itself before every call, so you don't need to send it");
  }

  const name = tokenRequest ? 'Kinde M2M token request' : `${finalMethod} ${pathOf(url)}`;
  return ok({
    request: {
      name,
      request: {
        method: finalMethod as HttpMethod,
        url,
        ...(headers.length > 0 ? { headers } : {}),
        ...(body !== undefined ? { body } : {}),
        auth,
      },
    },
    report: report.build(),
  });
}

type BodyInput = { form: MultipartPart[]; json: string[]; data: DataPart[]; contentType: string | undefined; headers: KeyValue[]; report: ReportBuilder };

function buildBody({ form, json, data, contentType, headers, report }: BodyInput): RequestBody | undefined {
  if (form.length > 0) {
    if (data.length > 0 || json.length > 0) report.unmapped('both form (-F) and data (-d) given — curl refuses this; the form was kept');
    return { mode: 'multipart', multipart: form };
  }
  if (json.length > 0) {
    // --json also sets Accept; keep that, since the JSON body mode already implies Content-Type.
    if (!headers.some((h) => h.key.toLowerCase() === 'accept')) headers.push({ key: 'Accept', value: 'application/json' });
    return { mode: 'json', json: json.join('') };
  }
  if (data.length === 0) return undefined;
  const joined = data.map((d) => d.text).join('&');
  if (contentType !== undefined && /[/+]json\b/i.test(contentType)) return { mode: 'json', json: joined };
  if (contentType === undefined && /^\s*[[{]/.test(joined)) {
    report.kept('the body looks like JSON but no Content-Type was given (curl would send it as a form): imported as a JSON body');
    return { mode: 'json', json: joined };
  }
  if (contentType === undefined || /application\/x-www-form-urlencoded/i.test(contentType)) {
    return { mode: 'urlencoded', urlencoded: data.flatMap((d) => d.rows ?? formRows(d.text)) };
  }
  return { mode: 'text', text: joined, contentType };
}

// A JSON or form body already says its Content-Type; a header repeating it exactly is dropped so the
// request reads the same whether it came from curl, Postman or the editor.
const IMPLIED_TYPES: Partial<Record<RequestBody['mode'], string>> = { json: 'application/json', urlencoded: 'application/x-www-form-urlencoded' };

function dropImpliedContentType(headers: KeyValue[], body: RequestBody | undefined): void {
  const implied = body ? IMPLIED_TYPES[body.mode] : undefined;
  if (implied === undefined) return;
  for (let i = headers.length - 1; i >= 0; i -= 1) {
    const h = headers[i]!;
    if (h.key.toLowerCase() === 'content-type' && h.value.trim().toLowerCase() === implied) headers.splice(i, 1);
  }
}

/** curl's --data-urlencode forms: `content`, `=content`, `name=content`; `@file` and `name@file` read files. */
function urlencodePart(v: string): DataPart | undefined {
  const eq = v.indexOf('=');
  if (eq !== -1) {
    const name = v.slice(0, eq);
    const content = v.slice(eq + 1);
    if (name === '') return { text: encode(content), rows: [{ key: content, value: '' }] };
    return { text: `${name}=${encode(content)}`, rows: [{ key: name, value: content }] };
  }
  if (v.includes('@')) return undefined;
  return { text: encode(v), rows: [{ key: v, value: '' }] };
}

function encode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

function formRows(text: string): KeyValue[] {
  return text
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const eq = p.indexOf('=');
      return eq === -1 ? { key: decode(p), value: '' } : { key: decode(p.slice(0, eq)), value: decode(p.slice(eq + 1)) };
    });
}

function formPart(v: string, literal: boolean, report: ReportBuilder): MultipartPart {
  const eq = v.indexOf('=');
  const key = eq === -1 ? v : v.slice(0, eq);
  let value = eq === -1 ? '' : v.slice(eq + 1);
  if (literal) return { key, value };
  const params = /;\s*(type|filename)=([^;]*)/gi;
  const found = Object.fromEntries([...value.matchAll(params)].map((m) => [m[1]!.toLowerCase(), m[2]!.replace(/^"|"$/g, '')]));
  value = value.replace(params, '');
  const contentType = found.type ? { contentType: found.type } : {};
  if (value.startsWith('@')) {
    const fileName = found.filename ?? (value.slice(1).split(/[\\/]/).pop() || 'file');
    report.unmapped(`file part '${key}' — file content not imported, choose the file again`);
    return { key, value: '', fileName, ...contentType };
  }
  if (value.startsWith('<')) {
    report.unmapped(`form field '${key}' read from file '${value.slice(1)}' — content not imported`);
    return { key, value: '', ...contentType };
  }
  return { key, value, ...contentType };
}

function readHeader(raw: string, report: ReportBuilder): KeyValue | undefined {
  if (raw.startsWith('@')) {
    report.unmapped(`headers read from file '${raw}' — not imported`);
    return undefined;
  }
  const colon = raw.indexOf(':');
  if (colon === -1) {
    // `Name;` is curl's way to send a header with an empty value.
    if (raw.trim().endsWith(';')) return { key: raw.trim().slice(0, -1), value: '' };
    report.unmapped(`header '${clip(raw)}' not understood — ignored`);
    return undefined;
  }
  const key = raw.slice(0, colon).trim();
  const value = raw.slice(colon + 1).trim();
  if (value === '') {
    report.kept(`header '${key}:' (which only removes one of curl's own headers) ignored`);
    return undefined;
  }
  return { key, value };
}

function bodyMentions(body: RequestBody | undefined, key: string): boolean {
  if (body?.mode === 'urlencoded') return body.urlencoded.some((r) => r.key === key);
  if (body?.mode === 'json') return body.json.includes(`"${key}"`);
  return false;
}

function withScheme(url: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) || url.startsWith('{{')) return url;
  // curl assumes http://; Kinde only answers on https.
  return /^[^/?#]+\.kinde\.com(?=[:/?#]|$)/i.test(url) ? `https://${url}` : `http://${url}`;
}

function pathOf(url: string): string {
  const noQuery = url.split(/[?#]/, 1)[0] ?? url;
  const path = noQuery.replace(BUSINESS_DOMAIN_VAR, '').replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  return path === '' ? '/' : path;
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}
