import { describe, expect, it } from 'vitest';
import { newRow, urlFromRows } from '../../lib/core-request-draft.ts';
import { setQueryParam } from './query-rows.ts';

describe('setQueryParam', () => {
  const rows = [newRow('page_size', '', false), newRow('sort', '', false)];

  it('switches a parameter on when a value is typed, and the URL follows', () => {
    const next = setQueryParam(rows, 'page_size', { value: '5' });
    expect(next[0]).toMatchObject({ key: 'page_size', value: '5', enabled: true });
    expect(urlFromRows('{{business_domain}}/api/v1/users', next)).toBe('{{business_domain}}/api/v1/users?page_size=5');
  });

  it('keeps the value when the checkbox switches it off', () => {
    const on = setQueryParam(rows, 'sort', { value: 'name_asc' });
    const off = setQueryParam(on, 'sort', { enabled: false });
    expect(off[1]).toMatchObject({ value: 'name_asc', enabled: false });
  });

  it('adds the row back when it was deleted from the table', () => {
    expect(setQueryParam([], 'next_token', { value: 'abc' })).toEqual([expect.objectContaining({ key: 'next_token', value: 'abc', enabled: true })]);
  });
});
