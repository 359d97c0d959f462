import { describe, it, expect } from 'vitest';
import { ApiClientError, errorFromResponse, errorFromThrown } from './api-error.ts';

describe('errorFromResponse', () => {
  it('reads code, message and details from the server error shape', async () => {
    const body = { error: { code: 'unresolved_variable', message: 'Variable {{nope}} is not defined', details: { names: ['nope'] } } };
    const err = await errorFromResponse(new Response(JSON.stringify(body), { status: 400 }));
    expect(err).toMatchObject({ status: 400, code: 'unresolved_variable', message: 'Variable {{nope}} is not defined' });
    expect(err.details).toEqual({ names: ['nope'] });
  });

  it('gives a readable error for a body that is not the server shape', async () => {
    const err = await errorFromResponse(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    expect(err.code).toBe('http_502');
    expect(err.message).toContain('502');
  });
});

describe('errorFromThrown', () => {
  it('tells a cancel apart from a lost connection', () => {
    expect(errorFromThrown(new DOMException('aborted', 'AbortError')).cancelled).toBe(true);
    expect(errorFromThrown(new TypeError('fetch failed')).code).toBe('network_error');
    const own = new ApiClientError(404, 'not_found', 'gone');
    expect(errorFromThrown(own)).toBe(own);
  });
});
