import type { KeyValue } from '../../model/request.ts';
import type { ReportBuilder } from '../import-report.ts';
import { originReportLine, replaceKindeOrigin } from '../kinde-origin.ts';
import { descriptionText, isRecord, records, text } from './postman-values.ts';

export type ImportedUrl = {
  url: string;
  /** Postman's disabled query rows: not in the URL, kept so the user can switch them on. */
  disabledQuery: KeyValue[];
};

/**
 * Reads a Postman URL (a string, or an object with raw/host/path/query/variable). The raw form is
 * what Postman sends, so it wins when present; `:name` path variables are filled in.
 */
export function importUrl(url: unknown, where: string, report: ReportBuilder): ImportedUrl {
  if (typeof url === 'string') return finish(url, [], [], where, report);
  if (!isRecord(url)) return { url: '', disabledQuery: [] };

  const query = records(url.query);
  const disabledQuery: KeyValue[] = query
    .filter((q) => q.disabled === true)
    .map((q) => withDescription({ key: text(q.key), value: text(q.value), enabled: false }, q.description));
  const raw = typeof url.raw === 'string' && url.raw !== '' ? url.raw : buildRaw(url, query);
  return finish(raw, disabledQuery, records(url.variable), where, report);
}

function finish(raw: string, disabledQuery: KeyValue[], pathVars: Record<string, unknown>[], where: string, report: ReportBuilder): ImportedUrl {
  let url = fillPathVariables(raw.trim(), pathVars, where, report);
  const rewrite = replaceKindeOrigin(url);
  if (rewrite.replaced !== undefined) report.kept(originReportLine(rewrite.replaced));
  url = rewrite.url;
  return { url, disabledQuery };
}

function buildRaw(url: Record<string, unknown>, query: Record<string, unknown>[]): string {
  const protocol = text(url.protocol);
  const host = Array.isArray(url.host) ? url.host.map(text).join('.') : text(url.host);
  const port = text(url.port);
  const path = Array.isArray(url.path) ? url.path.map((p) => (isRecord(p) ? text(p.value) : text(p))).join('/') : text(url.path);
  const enabled = query.filter((q) => q.disabled !== true);
  const search = enabled.map((q) => (q.value === null || q.value === undefined ? text(q.key) : `${text(q.key)}=${text(q.value)}`)).join('&');
  return `${protocol ? `${protocol}://` : ''}${host}${port ? `:${port}` : ''}${path ? `/${path.replace(/^\//, '')}` : ''}${search ? `?${search}` : ''}`;
}

// The explorer has no path-variable table: a value becomes part of the URL, an empty one a {{variable}}.
function fillPathVariables(raw: string, vars: Record<string, unknown>[], where: string, report: ReportBuilder): string {
  const [beforeQuery = '', ...rest] = raw.split('?');
  let path = beforeQuery;
  const values = new Map(vars.map((v) => [text(v.key), text(v.value)]));
  path = path.replace(/(^|\/):([A-Za-z_][A-Za-z0-9_.-]*)(?=\/|$)/g, (_m, lead: string, name: string) => {
    const value = values.get(name) ?? '';
    if (value !== '') return `${lead}${value}`;
    report.kept(`path variable ':${name}' on ${where} → {{${name}}} (give it a value in the environment)`);
    return `${lead}{{${name}}}`;
  });
  return rest.length > 0 ? `${path}?${rest.join('?')}` : path;
}

export function withDescription(kv: KeyValue, description: unknown): KeyValue {
  const d = descriptionText(description);
  return d === undefined ? kv : { ...kv, description: d };
}
