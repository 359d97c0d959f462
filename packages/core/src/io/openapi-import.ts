import { buildRequestFromOperation } from '../catalog/build-request.ts';
import { getOperationDetail } from '../catalog/operation-detail.ts';
import { listOperations } from '../catalog/operations.ts';
import type { RequestBody, RequestTemplate } from '../model/request.ts';
import { loadSpec } from '../openapi/dereference.ts';
import type { OpenApiDoc } from '../openapi/types.ts';
import { ok, type Result } from '../result.ts';
import { COLLECTION_DOC_VERSION, type CollectionDoc } from '../model/collection-doc.ts';
import type { CollectionItem } from '../model/collection-item.ts';
import type { ImportReport } from './import-result.ts';
import { ReportBuilder } from './import-report.ts';
import { BUSINESS_DOMAIN_VAR } from './kinde-origin.ts';

// `{name}` but not `{{name}}`: the spec's path tokens.
const PATH_TOKEN = /(?<!\{)\{([A-Za-z_][A-Za-z0-9_.-]*)\}(?!\})/g;

/**
 * Turns an OpenAPI 3 document (YAML or JSON text) into one collection: a folder per tag, a request
 * per operation, built the same way the catalog builds them (optional query parameters as rows to
 * switch on, a JSON body skeleton). Path parameters and required query parameters become
 * `{{name}}`, so unfilled ones are flagged as unresolved variables when sending.
 */
export function importOpenApi(text: string): Result<{ collection: CollectionDoc; report: ImportReport }> {
  const loaded = loadSpec(text);
  if (!loaded.ok) return loaded;
  const { doc, warnings } = loaded.value;
  const report = new ReportBuilder();
  for (const w of warnings) report.unmapped(w);

  const base = BUSINESS_DOMAIN_VAR + serverPath(doc, report);
  const folders = new Map<string, CollectionItem[]>();
  let pathParams = false; // any {{name}} the import wrote into a URL
  for (const entry of listOperations(doc)) {
    const detail = getOperationDetail(doc, entry.operationId);
    if (!detail) continue;
    const { request } = buildRequestFromOperation(detail);
    const url = request.url.replace(BUSINESS_DOMAIN_VAR, base).replace(PATH_TOKEN, (_m, name: string) => `{{${name}}}`);
    const { body, query, ...rest } = request;
    // Like the editor, keep the parameters that are sent inside the URL; a required one without a
    // default becomes `{{name}}` so sending flags it, optional ones stay as rows to switch on.
    const sent = (query ?? []).filter((q) => q.enabled !== false);
    const optional = (query ?? []).filter((q) => q.enabled === false);
    const search = sent.map((q) => `${q.key}=${q.value === '' ? `{{${q.key}}}` : q.value}`).join('&');
    const template: RequestTemplate = {
      ...rest,
      url: search === '' ? url : `${url}${url.includes('?') ? '&' : '?'}${search}`,
      ...(optional.length > 0 ? { query: optional } : {}),
      ...(body && body.mode !== 'none' ? { body: withoutEnabledTrue(body) } : {}),
    };
    if (template.headers) template.headers = template.headers.map(dropEnabledTrue);
    if (template.url.includes('{{', base.length)) pathParams = true;
    const item: CollectionItem = {
      type: 'request',
      name: detail.summary || detail.operationId,
      request: template,
      ...(detail.description.trim() !== '' ? { description: detail.description.trim() } : {}),
    };
    const tag = detail.tag || 'Other';
    folders.set(tag, [...(folders.get(tag) ?? []), item]);
  }
  if (pathParams) report.kept('path parameters and required query parameters written as {{name}} — give them values in the environment or edit the URL before sending');

  const tagDescriptions = new Map((doc.tags ?? []).map((t) => [t.name, typeof t.description === 'string' ? t.description.trim() : '']));
  const items: CollectionItem[] = [...folders].map(([name, children]) => {
    const description = tagDescriptions.get(name);
    return { type: 'folder', name, ...(description ? { description } : {}), items: children };
  });
  const description = typeof doc.info?.description === 'string' ? doc.info.description.trim() : '';
  return ok({
    collection: { version: COLLECTION_DOC_VERSION, name: doc.info?.title || 'Imported API', ...(description ? { description } : {}), items, variables: [] },
    report: report.build(),
  });
}

// Rows are enabled unless they say otherwise; the other importers write only `enabled: false`,
// and so does this one, so collections compare equal whichever way they came in.
function dropEnabledTrue<T extends { enabled?: boolean }>(row: T): T {
  if (row.enabled !== true) return row;
  const { enabled: _enabled, ...rest } = row;
  return rest as T;
}

function withoutEnabledTrue(body: RequestBody): RequestBody {
  if (body.mode === 'urlencoded') return { ...body, urlencoded: body.urlencoded.map(dropEnabledTrue) };
  if (body.mode === 'multipart') return { ...body, multipart: body.multipart.map(dropEnabledTrue) };
  return body;
}

/** The path part of the first server URL (e.g. `/v2` of `https://api.example.com/v2`); its origin is the environment's. */
function serverPath(doc: OpenApiDoc, report: ReportBuilder): string {
  const server = doc.servers?.[0]?.url;
  if (typeof server !== 'string' || server === '') return '';
  const path = server.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/\/+$/, '');
  report.kept(`server '${server}' → ${BUSINESS_DOMAIN_VAR}${path} (set business_domain in the environment)`);
  return path.startsWith('/') ? path : '';
}
