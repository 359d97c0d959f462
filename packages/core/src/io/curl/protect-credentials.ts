import type { RequestBody } from '../../model/request.ts';
import type { ReportBuilder } from '../import-report.ts';
import { originReportLine, replaceKindeOrigin } from '../kinde-origin.ts';
import { isVariableReference } from '../postman/postman-values.ts';

const SECRET_LINE = 'client_secret value not imported — replaced by {{client_secret}} (set it as a secret in the environment)';

/**
 * Keeps credentials out of an imported request: a client_secret anywhere (URL, form, JSON)
 * becomes `{{client_secret}}`. In a token request the client id and audience are also turned into
 * the environment's variables, so it works for any business.
 */
export function protectCredentials(url: string, body: RequestBody | undefined, tokenRequest: boolean, report: ReportBuilder): { url: string; body: RequestBody | undefined } {
  const queryIndex = url.indexOf('?');
  if (queryIndex !== -1) {
    const query = url.slice(queryIndex + 1).replace(/(^|&)(client_secret=)([^&#]*)/g, (m, lead: string, key: string, value: string) => {
      if (value === '' || isVariableReference(decodeSafe(value))) return m;
      report.unmapped(SECRET_LINE);
      return `${lead}${key}{{client_secret}}`;
    });
    url = url.slice(0, queryIndex + 1) + query;
  }
  if (body?.mode === 'urlencoded') {
    body = {
      mode: 'urlencoded',
      urlencoded: body.urlencoded.map((row) => {
        if (row.value === '' || isVariableReference(row.value)) return row;
        if (row.key === 'client_secret') {
          report.unmapped(SECRET_LINE);
          return { ...row, value: '{{client_secret}}' };
        }
        if (tokenRequest && row.key === 'client_id') {
          report.kept('client_id → {{client_id}} (set client_id in the environment)');
          return { ...row, value: '{{client_id}}' };
        }
        if (tokenRequest && row.key === 'audience') {
          const r = replaceKindeOrigin(row.value);
          if (r.replaced !== undefined) report.kept(originReportLine(r.replaced));
          return { ...row, value: r.url };
        }
        return row;
      }),
    };
  }
  if (body?.mode === 'json') {
    const json = body.json.replace(/("client_secret"\s*:\s*)"((?:[^"\\]|\\.)*)"/g, (m, lead: string, value: string) => {
      if (value === '' || isVariableReference(value)) return m;
      report.unmapped(SECRET_LINE);
      return `${lead}"{{client_secret}}"`;
    });
    body = { mode: 'json', json };
  }
  return { url, body };
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
