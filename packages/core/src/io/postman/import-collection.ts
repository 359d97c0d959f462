import { HTTP_METHODS, type HttpMethod, type KeyValue, type RequestAuth, type RequestTemplate } from '../../model/request.ts';
import { ALWAYS_SECRET_KEYS } from '../../model/variable.ts';
import { err, ok, type Result } from '../../result.ts';
import { COLLECTION_DOC_VERSION, type CollectionDoc } from '../../model/collection-doc.ts';
import type { CollectionItem } from '../../model/collection-item.ts';
import type { CollectionVariable } from '../../model/collection-variable.ts';
import type { ImportReport } from '../import-result.ts';
import { ReportBuilder } from '../import-report.ts';
import { importAuth } from './import-auth.ts';
import { importBody } from './import-body.ts';
import { importUrl, withDescription } from './import-url.ts';
import { importRequestTests, importScripts } from './postman-events.ts';
import { descriptionText, isRecord, records, text, type JsonRecord } from './postman-values.ts';

/**
 * Imports a Postman Collection v2.1 (v2.0 read tolerantly): folders, requests, variables and
 * descriptions and scripts (assertion lines the explorer exported become table rows again). Auth is
 * resolved through folder/collection inheritance onto each request; what has no equivalent
 * (examples, other auth types, secrets) is listed in the report.
 */
export function importPostmanCollection(json: unknown): Result<{ collection: CollectionDoc; report: ImportReport }> {
  if (!isRecord(json)) return err('not a Postman collection: expected a JSON object');
  if (!isRecord(json.info) || !Array.isArray(json.item)) {
    if (Array.isArray(json.requests)) return err('this is a Postman Collection v1: export it from Postman as Collection v2.1 and import that');
    return err('not a Postman collection: missing `info` or `item`');
  }
  const report = new ReportBuilder();
  const name = text(json.info.name) || 'Imported collection';
  const where = `collection '${name}'`;
  const scripts = importScripts(json.event, where, report);
  const collectionAuth = importAuth(json.auth, where, report);
  const items = importItems(json.item, collectionAuth, report);
  const description = descriptionText(json.info.description);
  const collection: CollectionDoc = {
    version: COLLECTION_DOC_VERSION,
    name,
    ...(description !== undefined ? { description } : {}),
    items,
    variables: importVariables(json.variable, where, report),
    ...(scripts ? { scripts } : {}),
  };
  return ok({ collection, report: report.build() });
}

function importItems(items: unknown, inherited: RequestAuth | undefined, report: ReportBuilder): CollectionItem[] {
  const out: CollectionItem[] = [];
  for (const item of records(items)) {
    const imported = 'request' in item ? importRequestItem(item, inherited, report) : importFolder(item, inherited, report);
    if (imported) out.push(imported);
  }
  return out;
}

function importFolder(item: JsonRecord, inherited: RequestAuth | undefined, report: ReportBuilder): CollectionItem {
  const name = text(item.name) || 'Folder';
  const where = `folder '${name}'`;
  const scripts = importScripts(item.event, where, report);
  if (records(item.variable).length > 0) report.unmapped(`variables of ${where} — not imported (the explorer keeps variables per collection and environment)`);
  const auth = importAuth(item.auth, where, report) ?? inherited;
  const description = descriptionText(item.description);
  return {
    type: 'folder',
    ...(typeof item.id === 'string' ? { id: item.id } : {}),
    name,
    ...(description !== undefined ? { description } : {}),
    items: importItems(item.item, auth, report),
    ...(scripts ? { scripts } : {}),
  };
}

function importRequestItem(item: JsonRecord, inherited: RequestAuth | undefined, report: ReportBuilder): CollectionItem | undefined {
  const name = text(item.name) || 'Request';
  const where = `request '${name}'`;
  // v2.0 allows a bare URL string as the request.
  const req: JsonRecord = typeof item.request === 'string' ? { url: item.request } : isRecord(item.request) ? item.request : {};
  const method = (text(req.method) || 'GET').toUpperCase();
  if (!(HTTP_METHODS as readonly string[]).includes(method)) {
    report.unmapped(`${where} uses method '${method}' — not supported, request skipped`);
    return undefined;
  }
  const { url, disabledQuery } = importUrl(req.url, where, report);
  if (url === '') {
    report.unmapped(`${where} has no URL — request skipped`);
    return undefined;
  }
  const tests = importRequestTests(item.event, where, report);
  const examples = records(item.response).length;
  if (examples > 0) report.unmapped(`${examples} saved example response(s) on ${where} — not imported`);

  let auth = importAuth(req.auth, where, report) ?? inherited ?? 'none';
  const headers: KeyValue[] = [];
  for (const h of headerRows(req.header)) {
    if (h.key.toLowerCase() !== 'authorization') {
      headers.push(h);
    } else if (/^bearer\s/i.test(h.value.trim()) && h.enabled !== false) {
      report.kept(`Authorization: Bearer header on ${where} → Kinde M2M token of the environment (token not imported: tokens are secrets)`);
      auth = 'kinde-m2m';
    } else {
      report.unmapped(`Authorization header on ${where} — not imported (credentials are secrets)`);
    }
  }
  const body = importBody(req.body, headers, where, report);
  const request: RequestTemplate = {
    method: method as HttpMethod,
    url,
    ...(disabledQuery.length > 0 ? { query: disabledQuery } : {}),
    ...(headers.length > 0 ? { headers } : {}),
    ...(body !== undefined ? { body } : {}),
    auth,
    ...tests,
  };
  const description = descriptionText(item.description) ?? descriptionText(req.description);
  return {
    type: 'request',
    ...(typeof item.id === 'string' ? { id: item.id } : {}),
    name,
    request,
    ...(description !== undefined ? { description } : {}),
  };
}

/** Headers are a list of rows, or in old exports one `Key: value` line per header. */
function headerRows(header: unknown): KeyValue[] {
  if (typeof header === 'string') {
    return header
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.includes(':'))
      .map((line) => ({ key: line.slice(0, line.indexOf(':')).trim(), value: line.slice(line.indexOf(':') + 1).trim() }));
  }
  return records(header).map((h) =>
    withDescription({ key: text(h.key), value: text(h.value), ...(h.disabled === true ? { enabled: false } : {}) }, h.description),
  );
}

function importVariables(vars: unknown, where: string, report: ReportBuilder): CollectionVariable[] {
  const out: CollectionVariable[] = [];
  for (const v of records(vars)) {
    const key = text(v.key);
    if (key === '') continue;
    if (ALWAYS_SECRET_KEYS.has(key) || v.type === 'secret') {
      report.unmapped(`value of variable '${key}' in ${where} — not imported (secrets belong in the environment)`);
      continue;
    }
    out.push({ key, value: text(v.value), ...(v.disabled === true ? { enabled: false } : {}) });
  }
  return out;
}
