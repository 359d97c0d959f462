import { describe, expect, it } from 'vitest';
import { bindRefusal } from './bind-check.ts';

describe('bindRefusal', () => {
  it('lets loopback addresses start without a password', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) expect(bindRefusal(host, undefined)).toBeNull();
  });

  it('refuses any other address without an access password, saying how to fix it', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'explorer.lan']) {
      const message = bindRefusal(host, undefined);
      expect(message).toContain(`Refusing to listen on ${host} without an access password`);
      expect(message).toContain('EXPLORER_ACCESS_PASSWORD=');
      expect(message).toContain('HOST=127.0.0.1');
    }
  });

  it('allows a non-loopback address once a password is configured', () => {
    expect(bindRefusal('0.0.0.0', 'a long password')).toBeNull();
  });
});
