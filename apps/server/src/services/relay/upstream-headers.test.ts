import { describe, expect, it } from 'vitest';
import { ApiError } from '../../errors.ts';
import { upstreamHeaders } from './upstream-headers.ts';

const row = (key: string, value: string, enabled?: boolean) => ({ key, value, ...(enabled === undefined ? {} : { enabled }) });

describe('upstreamHeaders', () => {
  it('lower-cases names, trims values, joins repeats and adds accept, the body type and the token', () => {
    const h = upstreamHeaders([row(' X-Trace ', '  a  '), row('x-trace', 'b'), row('X-Off', 'no', false)], { bearer: 'tok', bodyContentType: 'application/json' });
    expect({ ...h }).toEqual({ 'x-trace': 'a, b', 'content-type': 'application/json', accept: 'application/json', authorization: 'Bearer tok' });
  });

  it('drops hop-by-hop headers, nominated ones, and user credentials when the token is used', () => {
    const rows = [row('Connection', 'x-secret-hop'), row('X-Secret-Hop', '1'), row('Host', 'evil'), row('Content-Length', '9'), row('Proxy-Foo', '1'), row('Cookie', 'a=1'), row('Authorization', 'Basic x')];
    expect({ ...upstreamHeaders(rows, { bearer: 't' }) }).toEqual({ accept: 'application/json', authorization: 'Bearer t' });
    expect(upstreamHeaders(rows).authorization).toBe('Basic x');
  });

  it.each([
    ['a name with a space', row('Bad Name', 'v')],
    ['a name with a colon', row('x:y', 'v')],
    ['a value with a line break', row('x-a', 'v\r\nInjected: 1')],
    ['a value with NUL', row('x-a', 'v\0')],
  ])('refuses %s with a 400 naming the header', (_what, bad) => {
    const err = (() => {
      try {
        upstreamHeaders([bad]);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(400);
    expect((err as ApiError).message).toContain(`"${bad.key}"`);
  });

  it('keeps the user’s Accept and Content-Type', () => {
    expect({ ...upstreamHeaders([row('Accept', 'text/csv'), row('Content-Type', 'text/plain')], { bodyContentType: 'application/json' }) }).toEqual({
      accept: 'text/csv',
      'content-type': 'text/plain',
    });
  });
});
