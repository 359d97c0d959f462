import { describe, expect, it } from 'vitest';
import { bindRefusal } from './bind-check.ts';

describe('bindRefusal', () => {
  it('lets loopback addresses start without sign-in', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) expect(bindRefusal(host, false)).toBeNull();
  });

  it('refuses any other address without sign-in, saying how to fix it', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'explorer.lan']) {
      const message = bindRefusal(host, false);
      expect(message).toContain(`Refusing to listen on ${host} without sign-in`);
      expect(message).toContain('EXPLORER_SIGN_IN=accounts');
      expect(message).toContain('HOST=127.0.0.1');
    }
  });

  it('allows a non-loopback address once sign-in is on (named accounts or a shared password)', () => {
    expect(bindRefusal('0.0.0.0', true)).toBeNull();
  });
});
