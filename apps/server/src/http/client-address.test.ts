import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustedProxies } from './client-address.ts';

describe('client address', () => {
  const { trust } = parseTrustedProxies('127.0.0.1, 10.0.0.0/8, fd00::/8');

  it('is the direct peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    const none = parseTrustedProxies(undefined).trust;
    expect(clientAddress('127.0.0.1', '203.0.113.9', none)).toBe('127.0.0.1');
    expect(clientAddress('::ffff:192.0.2.1', '203.0.113.9', none)).toBe('192.0.2.1');
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    expect(clientAddress('192.0.2.50', '203.0.113.9', trust)).toBe('192.0.2.50');
  });

  it('takes the address a trusted proxy saw, skipping trusted hops, never what the client wrote', () => {
    expect(clientAddress('127.0.0.1', '203.0.113.9', trust)).toBe('203.0.113.9');
    expect(clientAddress('::ffff:127.0.0.1', '203.0.113.9, 10.1.2.3', trust)).toBe('203.0.113.9');
    // A forged entry left of the one nginx appended is not believed.
    expect(clientAddress('127.0.0.1', '198.51.100.7, 203.0.113.9', trust)).toBe('203.0.113.9');
    // Garbage the client wrote: the walk stops at the last trusted hop.
    expect(clientAddress('127.0.0.1', 'not-an-ip, 10.9.9.9', trust)).toBe('10.9.9.9');
    expect(clientAddress('127.0.0.1', undefined, trust)).toBe('127.0.0.1');
    expect(clientAddress('fd00::1', '2001:DB8::5', trust)).toBe('2001:db8::5');
    expect(clientAddress(undefined, '203.0.113.9', trust)).toBe('unknown');
  });

  it('reports entries it cannot read', () => {
    expect(parseTrustedProxies('127.0.0.1, nginx, 10.0.0.0/33, ::1/129, 10.0.0.0/8').invalid).toEqual(['nginx', '10.0.0.0/33', '::1/129']);
    expect(parseTrustedProxies(' ::1 , 192.168.0.0/16').entries).toEqual(['::1', '192.168.0.0/16']);
  });
});
