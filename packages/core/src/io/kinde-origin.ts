/**
 * Kinde's API lives at `https://<subdomain>.kinde.com`; the explorer names that origin
 * `{{business_domain}}` so an imported request works in any environment. These helpers rewrite
 * literal Kinde origins (including doc placeholders such as `<your_subdomain>`) into the variable.
 */

export const BUSINESS_DOMAIN_VAR = '{{business_domain}}';
export const TOKEN_URL_TEMPLATE = `${BUSINESS_DOMAIN_VAR}/oauth2/token`;
export const AUDIENCE_TEMPLATE = `${BUSINESS_DOMAIN_VAR}/api`;

const KINDE_ORIGIN = /^https:\/\/[^/?#\s]+\.kinde\.com(?::443)?(?=[/?#]|$)/i;
// Kinde's own Postman guide builds URLs as `{{business_domain}}.kinde.com/...`, i.e. with the
// variable holding only the subdomain; the explorer's variable holds the whole origin.
const SUBDOMAIN_VAR_ORIGIN = /^(?:https:\/\/)?\{\{\s*business_domain\s*\}\}\.kinde\.com(?=[/?#]|$)/i;

export type OriginRewrite = { url: string; replaced?: string };

/** Replaces a leading `https://*.kinde.com` origin (or `{{business_domain}}.kinde.com`) by `{{business_domain}}`. */
export function replaceKindeOrigin(url: string): OriginRewrite {
  const trimmed = url.trim();
  const sub = SUBDOMAIN_VAR_ORIGIN.exec(trimmed);
  if (sub) return { url: BUSINESS_DOMAIN_VAR + trimmed.slice(sub[0].length), replaced: sub[0] };
  const m = KINDE_ORIGIN.exec(trimmed);
  if (m) return { url: BUSINESS_DOMAIN_VAR + trimmed.slice(m[0].length), replaced: m[0] };
  return { url: trimmed };
}

/** Words a report line uses after rewriting an origin, so the user knows what to set. */
export function originReportLine(replaced: string): string {
  return `URL origin '${replaced}' → {{business_domain}} (set business_domain to https://<your_subdomain>.kinde.com in the environment)`;
}

/** A URL whose path is Kinde's token endpoint, i.e. a request the explorer performs by itself. */
export function isTokenUrl(url: string): boolean {
  const pathPart = url.split(/[?#]/, 1)[0] ?? '';
  return /\/oauth2\/token\/?$/i.test(pathPart);
}
