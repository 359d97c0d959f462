import { apiError } from '../../errors.ts';

/**
 * Parses the interpolated URL and refuses anything whose origin is not exactly the environment's
 * `business_domain` origin (scheme, host and port). The parsed `URL` is what gets fetched, so the
 * check and the request can never disagree about where the bytes go. A path-only URL (`/api/v1/users`)
 * is taken relative to the business domain.
 */
export function checkTarget(rawUrl: string, businessDomain: string): URL {
  const allowed = new URL(businessDomain);
  let url: URL;
  try {
    url = rawUrl.startsWith('/') && !rawUrl.startsWith('//') ? new URL(rawUrl, allowed.origin) : new URL(rawUrl);
  } catch {
    throw apiError(400, 'target_not_allowed', `"${shorten(rawUrl)}" is not a valid URL. Start it with {{business_domain}} (${allowed.origin}), e.g. {{business_domain}}/api/v1/users.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw refuse(url, allowed, `the ${url.protocol.replace(':', '')} scheme is not relayed`);
  }
  // `https://x.kinde.com@evil.test` parses to host evil.test; credentials in a URL are never legitimate here.
  if (url.username || url.password) {
    throw refuse(url, allowed, 'URLs with user info (user@host) are not relayed');
  }
  if (url.origin !== allowed.origin) {
    throw refuse(url, allowed, `${url.origin} is not the environment's business_domain`);
  }
  return url;
}

function refuse(url: URL, allowed: URL, why: string) {
  return apiError(
    400,
    'target_not_allowed',
    `Refused to send to ${url.protocol}//${url.host}: ${why}. Requests may only go to ${allowed.origin} (this environment's business_domain).`,
    { target: `${url.protocol}//${url.host}`, allowedOrigin: allowed.origin },
  );
}

function shorten(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
