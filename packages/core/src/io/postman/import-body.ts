import type { KeyValue, RequestBody } from '../../model/request.ts';
import type { ReportBuilder } from '../import-report.ts';
import { withDescription } from './import-url.ts';
import { isRecord, records, text } from './postman-values.ts';

/** Postman's raw-body languages and the content types the explorer stores for them (both ways). */
export const RAW_LANGUAGE_TYPES: Record<string, string> = {
  text: 'text/plain',
  javascript: 'application/javascript',
  html: 'text/html',
  xml: 'application/xml',
};

/** Reads a Postman request body; `undefined` when there is nothing to send. */
export function importBody(body: unknown, headers: KeyValue[], where: string, report: ReportBuilder): RequestBody | undefined {
  if (!isRecord(body) || typeof body.mode !== 'string') return undefined;
  if (body.disabled === true) {
    report.unmapped(`body on ${where} is switched off in Postman — not imported`);
    return undefined;
  }
  switch (body.mode) {
    case 'raw':
      return rawBody(body, headers);
    case 'urlencoded':
      return {
        mode: 'urlencoded',
        urlencoded: records(body.urlencoded).map((p) =>
          withDescription({ key: text(p.key), value: text(p.value), ...(p.disabled === true ? { enabled: false } : {}) }, p.description),
        ),
      };
    case 'formdata':
      return { mode: 'multipart', multipart: records(body.formdata).map((p) => formPart(p, where, report)) };
    case 'graphql':
      return graphqlBody(body, where, report);
    case 'file':
      report.unmapped(`binary file body on ${where} — not imported, choose the file again`);
      return undefined;
    case 'none':
      return undefined;
    default:
      report.unmapped(`body mode '${body.mode}' on ${where} — not supported, request kept without a body`);
      return undefined;
  }
}

function rawBody(body: Record<string, unknown>, headers: KeyValue[]): RequestBody | undefined {
  const raw = text(body.raw);
  if (raw === '') return undefined;
  const options = isRecord(body.options) && isRecord(body.options.raw) ? body.options.raw : {};
  const language = text(options.language);
  const headerType = headers.find((h) => h.key.toLowerCase() === 'content-type' && h.enabled !== false)?.value;
  if (language === 'json' || (language === '' && headerType !== undefined && /[/+]json\b/i.test(headerType))) {
    return { mode: 'json', json: raw };
  }
  const contentType = headerType ?? RAW_LANGUAGE_TYPES[language];
  return contentType === undefined ? { mode: 'text', text: raw } : { mode: 'text', text: raw, contentType };
}

function formPart(p: Record<string, unknown>, where: string, report: ReportBuilder) {
  const key = text(p.key);
  const enabled = p.disabled === true ? { enabled: false } : {};
  const contentType = typeof p.contentType === 'string' && p.contentType !== '' ? { contentType: p.contentType } : {};
  if (p.type === 'file') {
    const src = Array.isArray(p.src) ? text(p.src[0]) : text(p.src);
    const fileName = src.split(/[\\/]/).pop() || 'file';
    report.unmapped(`file part '${key}' on ${where} — file content not imported, choose the file again`);
    return { key, value: '', fileName, ...enabled, ...contentType };
  }
  return { key, value: text(p.value), ...enabled, ...contentType };
}

function graphqlBody(body: Record<string, unknown>, where: string, report: ReportBuilder): RequestBody {
  const gql = isRecord(body.graphql) ? body.graphql : {};
  const variablesText = text(gql.variables).trim();
  let variables: unknown = undefined;
  if (variablesText !== '') {
    try {
      variables = JSON.parse(variablesText);
    } catch {
      variables = variablesText;
    }
  }
  report.kept(`GraphQL body on ${where} → kept as a JSON text body ({ query, variables })`);
  const payload = variables === undefined ? { query: text(gql.query) } : { query: text(gql.query), variables };
  return { mode: 'text', text: JSON.stringify(payload, null, 2), contentType: 'application/json' };
}
