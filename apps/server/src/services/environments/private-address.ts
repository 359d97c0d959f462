import { BlockList, isIPv4, isIPv6 } from 'node:net';

// Addresses that are not on the public internet (RFC 6890 and friends). Loopback is not here:
// it is allowed on purpose, for the Kinde sandbox.
const PRIVATE = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], // "this network"; 0.0.0.0 reaches the local host on Linux
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) PRIVATE.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128], // unspecified
  ['64:ff9b::', 96], // NAT64: may embed any IPv4 address
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) PRIVATE.addSubnet(net, bits, 'ipv6');

/** The IPv4 address inside an IPv4-mapped or -compatible IPv6 address (`::ffff:a00:1` → 10.0.0.1). */
function embeddedIPv4(v6: string): string | null {
  const m = /^::(?:ffff:)?(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(v6);
  if (!m) return null;
  if (m[1]) return m[1];
  const hi = parseInt(m[2]!, 16);
  const lo = parseInt(m[3]!, 16);
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

/**
 * Whether a URL hostname (as WHATWG `URL` serialises it, so odd encodings such as `0x0a000001`
 * are already `10.0.0.1`) is an IP literal in a private, link-local, multicast or reserved range.
 * Names are not resolved: this only judges literals.
 */
export function isPrivateAddressLiteral(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (isIPv4(host)) return PRIVATE.check(host, 'ipv4');
  if (!isIPv6(host)) return false;
  const v4 = embeddedIPv4(host);
  if (v4) {
    // IPv4-compatible (`::a.b.c.d`) is deprecated and never a real destination; mapped ones judge by the IPv4.
    if (!host.startsWith('::ffff:')) return true;
    return PRIVATE.check(v4, 'ipv4');
  }
  return PRIVATE.check(host, 'ipv6');
}
