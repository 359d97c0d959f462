import { BlockList, isIP } from 'node:net';

/** Whether a direct peer is a reverse proxy whose `X-Forwarded-For` is believed. */
export type ProxyTrust = (address: string) => boolean;

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) → `10.0.0.1`; IPv6 lower-cased. */
export function normaliseAddress(address: string): string {
  const a = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  return mapped ? mapped[1]! : a;
}

/**
 * Parses `EXPLORER_TRUSTED_PROXIES`: addresses and CIDR ranges, comma-separated
 * (`127.0.0.1, 10.0.0.0/8, ::1`). Returns the entries it could not read, for the config error.
 */
export function parseTrustedProxies(list: string | undefined): { trust: ProxyTrust; entries: string[]; invalid: string[] } {
  const blocks = new BlockList();
  const entries: string[] = [];
  const invalid: string[] = [];
  for (const raw of (list ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [ip, prefix, extra] = raw.split('/');
    const address = normaliseAddress(ip ?? '');
    const family = isIP(address);
    const bits = prefix === undefined ? undefined : Number(prefix);
    const maxBits = family === 6 ? 128 : 32;
    if (!family || extra !== undefined || (bits !== undefined && (!/^\d+$/.test(prefix!) || bits > maxBits))) {
      invalid.push(raw);
      continue;
    }
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) blocks.addAddress(address, type);
    else blocks.addSubnet(address, bits, type);
    entries.push(raw);
  }
  const trust: ProxyTrust = (peer) => {
    const address = normaliseAddress(peer);
    const family = isIP(address);
    return family !== 0 && entries.length > 0 && blocks.check(address, family === 6 ? 'ipv6' : 'ipv4');
  };
  return { trust, entries, invalid };
}

/**
 * The client's address: the direct peer, unless the peer is a trusted proxy; then
 * `X-Forwarded-For` is read from the right (each proxy appends the address it saw), skipping
 * trusted proxies, and the first address that is not one is the client. Entries left of that
 * were written by the client itself and are never believed; an unreadable entry stops the walk
 * at the last address a trusted proxy vouched for. Without trusted proxies the header is ignored.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | undefined, trust: ProxyTrust): string {
  if (!peer) return 'unknown';
  let client = normaliseAddress(peer);
  if (!trust(client) || !forwardedFor) return client;
  const hops = forwardedFor.split(',').map((s) => normaliseAddress(s)).reverse();
  for (const hop of hops) {
    if (!isIP(hop)) break;
    client = hop;
    if (!trust(hop)) break;
  }
  return client;
}
