import { describe, expect, it } from 'vitest';
import { normaliseBusinessDomain } from './business-domain.ts';
import { isPrivateAddressLiteral } from './private-address.ts';

// Hostnames as WHATWG URL serialises them, which is what the check sees.
const host = (url: string) => new URL(url).hostname;

describe('isPrivateAddressLiteral', () => {
  it('flags private, link-local, CGNAT, multicast and reserved IPv4 literals, however they are written', () => {
    for (const url of [
      'https://10.0.0.1', 'https://10.255.255.255', 'https://172.16.0.1', 'https://172.31.255.255', 'https://192.168.1.10',
      'https://169.254.169.254', 'https://100.64.0.1', 'https://0.0.0.0', 'https://224.0.0.1', 'https://255.255.255.255',
      'https://0x0a000001', 'https://167772161', 'https://012.0.0.1', 'https://10.1', 'https://0xa9.0xfe.0xa9.0xfe',
    ]) expect(isPrivateAddressLiteral(host(url)), url).toBe(true);
  });

  it('flags IPv6 unique-local, link-local, unspecified, NAT64 and mapped private addresses', () => {
    for (const url of ['https://[fd00::1]', 'https://[fc00::1]', 'https://[fe80::1]', 'https://[::]', 'https://[::ffff:10.0.0.1]', 'https://[::ffff:169.254.169.254]', 'https://[64:ff9b::a00:1]', 'https://[::10.0.0.1]']) {
      expect(isPrivateAddressLiteral(host(url)), url).toBe(true);
    }
  });

  it('leaves public addresses, names and loopback alone', () => {
    for (const url of ['https://8.8.8.8', 'https://172.32.0.1', 'https://[2606:4700::1111]', 'https://myapp.kinde.com', 'https://10.0.0.1.nip.io', 'http://127.0.0.1', 'http://[::1]', 'https://[::ffff:127.0.0.1]']) {
      expect(isPrivateAddressLiteral(host(url)), url).toBe(false);
    }
  });
});

describe('business_domain refuses private address literals', () => {
  it('over https too (cloud metadata, LAN hosts), while loopback stays allowed for the sandbox', () => {
    for (const input of ['https://169.254.169.254', 'https://10.0.0.5', '192.168.0.1', 'https://[fd12::1]:8443', 'https://0x0a000001', 'http://169.254.169.254']) {
      const r = normaliseBusinessDomain(input);
      expect(r.ok, input).toBe(false);
    }
    expect(normaliseBusinessDomain('https://10.0.0.5')).toMatchObject({ ok: false, message: expect.stringMatching(/private/) });
    expect(normaliseBusinessDomain('https://127.0.0.1:8443')).toEqual({ ok: true, value: 'https://127.0.0.1:8443' });
    expect(normaliseBusinessDomain('http://127.0.0.1:8788')).toEqual({ ok: true, value: 'http://127.0.0.1:8788' });
    expect(normaliseBusinessDomain('https://8.8.8.8')).toEqual({ ok: true, value: 'https://8.8.8.8' });
  });
});
