import { isPrivateAddressLiteral } from './private-address.ts';

export type DomainResult = { ok: true; value: string } | { ok: false; message: string };

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** Loopback hosts, the only ones allowed over plain http (the Kinde sandbox runs on one). */
export function isLoopbackHostname(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return h === 'localhost' || h === '[::1]' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/**
 * Normalises what people type as a Kinde business domain to an origin:
 * `myapp` → `https://myapp.kinde.com`, `myapp.kinde.com` → `https://myapp.kinde.com`,
 * `https://myapp.kinde.com/` → `https://myapp.kinde.com`. Plain http only for loopback hosts;
 * paths, queries, fragments and credentials are refused rather than silently dropped.
 */
export function normaliseBusinessDomain(input: string): DomainResult {
  const text = input.trim();
  if (text === '') return { ok: true, value: '' };
  if (text.includes('{{')) {
    return { ok: false, message: 'business_domain must be a domain such as https://myapp.kinde.com, not a {{variable}}' };
  }
  if (/\s/.test(text)) return { ok: false, message: `business_domain "${text}" contains spaces` };

  let candidate: string;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) candidate = text;
  else if (LABEL.test(text)) candidate = `https://${text.toLowerCase()}.kinde.com`;
  else {
    // A bare loopback address means the sandbox or a local mock: those speak http.
    const bareHost = text.replace(/[/:].*$/, '').replace(/^\[.*$/, '[::1]');
    candidate = `${isLoopbackHostname(bareHost) ? 'http' : 'https'}://${text}`;
  }

  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { ok: false, message: `business_domain "${text}" is not a valid domain; expected e.g. https://myapp.kinde.com` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: `business_domain must use https (got ${url.protocol.replace(/:$/, '')})` };
  }
  if (url.username || url.password) {
    return { ok: false, message: 'business_domain must not contain a user name or password (the part before "@")' };
  }
  if (url.pathname.replace(/\/+$/, '') !== '' || url.search || url.hash) {
    return {
      ok: false,
      message: `business_domain must be just the domain (e.g. https://myapp.kinde.com), without a path, query or fragment; got "${text}"`,
    };
  }
  if (url.protocol === 'http:' && !isLoopbackHostname(url.hostname)) {
    return {
      ok: false,
      message: `business_domain must use https; plain http is allowed only for loopback hosts (localhost, 127.0.0.1, [::1]). Use https://${url.host}`,
    };
  }
  if (isPrivateAddressLiteral(url.hostname)) {
    return {
      ok: false,
      message: `business_domain ${url.hostname} is a private, link-local or reserved address; Kinde domains are public (https://myapp.kinde.com). Loopback (127.0.0.1, [::1]) is allowed for the sandbox.`,
    };
  }
  if (!url.hostname.includes('.') && !isLoopbackHostname(url.hostname)) {
    return { ok: false, message: `business_domain "${text}" has no top-level domain; expected e.g. https://myapp.kinde.com` };
  }
  return { ok: true, value: url.origin };
}
