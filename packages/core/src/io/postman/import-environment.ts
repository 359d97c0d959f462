import { ALWAYS_SECRET_KEYS, variableKeySchema } from '../../model/variable.ts';
import { err, ok, type Result } from '../../result.ts';
import type { ImportedEnvironment, ImportedVariable, ImportReport } from '../import-result.ts';
import { ReportBuilder } from '../import-report.ts';
import { isRecord, records, text } from './postman-values.ts';

/**
 * Imports a Postman environment export. `type: 'secret'` values (and `client_secret`, always) become
 * secret variables; keys the explorer cannot use in `{{key}}` are reported and left out.
 */
export function importPostmanEnvironment(json: unknown): Result<{ environment: ImportedEnvironment; report: ImportReport }> {
  if (!isRecord(json) || !Array.isArray(json.values)) return err('not a Postman environment: expected an object with a `values` list');
  const report = new ReportBuilder();
  const seen = new Set<string>();
  const variables: ImportedVariable[] = [];
  for (const v of records(json.values)) {
    const key = text(v.key);
    if (!variableKeySchema.safeParse(key).success) {
      report.unmapped(`variable '${key}' — not imported: keys use letters, digits, _ . - and start with a letter or _`);
      continue;
    }
    if (seen.has(key)) {
      report.unmapped(`variable '${key}' appears twice — the first one was kept`);
      continue;
    }
    seen.add(key);
    const secret = v.type === 'secret' || ALWAYS_SECRET_KEYS.has(key);
    const value = key === 'business_domain' ? normaliseBusinessDomain(text(v.value), report) : text(v.value);
    variables.push({ key, value, secret, enabled: v.enabled !== false });
  }
  return ok({ environment: { name: text(json.name) || 'Imported environment', variables }, report: report.build() });
}

/**
 * The explorer's `business_domain` is the whole origin (`https://<sub>.kinde.com`); Kinde's Postman
 * guide lets it be just the subdomain, written before `.kinde.com` in URLs.
 */
function normaliseBusinessDomain(value: string, report: ReportBuilder): string {
  const v = value.trim();
  let out = v;
  if (/^[a-z0-9][a-z0-9-]*$/i.test(v)) out = `https://${v}.kinde.com`;
  else if (v !== '' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(v) && !v.includes('{{')) out = `https://${v}`;
  out = out.replace(/\/+$/, '');
  if (out !== value) report.kept(`business_domain '${value}' → '${out}' (the explorer expects the full https://<your_subdomain>.kinde.com origin)`);
  return out;
}
