import { describe, expect, it } from 'vitest';
import { isSocketReset, networkReason } from './network-error.ts';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('networkReason', () => {
  it("names fetch's wrapped socket error by its code", () => {
    expect(networkReason(new TypeError('fetch failed', { cause: withCode('ECONNREFUSED') }))).toBe('ECONNREFUSED');
  });

  it("names undici's own error by its code", () => {
    expect(networkReason(withCode('ENOTFOUND'))).toBe('ENOTFOUND');
  });

  it('falls back to the message when there is no code, and never names an abort code', () => {
    expect(networkReason(new Error('socket hang up'))).toBe('socket hang up');
    expect(networkReason(withCode('UND_ERR_ABORTED', 'aborted'))).toBe('aborted');
    expect(networkReason('plain')).toBe('plain');
  });
});

describe('isSocketReset', () => {
  it('recognises a reset connection, directly or in cause', () => {
    expect(isSocketReset(withCode('ECONNRESET'))).toBe(true);
    expect(isSocketReset(withCode('UND_ERR_SOCKET'))).toBe(true);
    expect(isSocketReset(new TypeError('fetch failed', { cause: withCode('EPIPE') }))).toBe(true);
  });

  it('does not take a refused connection or a timeout for a reset', () => {
    expect(isSocketReset(withCode('ECONNREFUSED'))).toBe(false);
    expect(isSocketReset(new DOMException('timed out', 'TimeoutError'))).toBe(false);
    expect(isSocketReset(undefined)).toBe(false);
  });
});
