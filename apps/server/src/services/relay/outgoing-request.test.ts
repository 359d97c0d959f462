import { describe, expect, it } from 'vitest';
import { outgoingRequest, withBearer } from './outgoing-request.ts';

describe('outgoingRequest', () => {
  it('keeps an authorization slot for the token and drops the user credentials beside it', () => {
    const out = outgoingRequest({ method: 'GET', url: '/x', headers: [{ key: 'Cookie', value: 'a=1' }, { key: 'Authorization', value: 'Bearer user' }] });
    expect(out.usesToken).toBe(true);
    expect(out.headers.cookie).toBeUndefined();
    expect(withBearer(out.headers, 'tok-1').authorization).toBe('Bearer tok-1');
    // Each attempt gets its own copy: a renewed token never shows in the first attempt's headers.
    expect(out.headers.authorization).toBe('Bearer ');
  });

  it('sends no body on GET and implies the content type of a form', () => {
    expect(outgoingRequest({ method: 'GET', url: '/x', body: { mode: 'json', json: '{}' } }).body).toBeUndefined();
    const form = outgoingRequest({ method: 'POST', url: '/x', auth: 'none', body: { mode: 'urlencoded', urlencoded: [{ key: 'a', value: '1' }] } });
    expect(form.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(form.usesToken).toBe(false);
    expect(withBearer(form.headers, undefined)).toBe(form.headers);
  });
});
