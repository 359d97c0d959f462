import { describe, it, expect } from 'vitest';
import { newRow } from './request-draft.ts';
import { parseQuery, rowsFromUrl, splitUrl, urlFromRows } from './url-query.ts';

describe('splitUrl', () => {
  it('separates base, query and fragment of a template', () => {
    expect(splitUrl('{{d}}/api?a=1&b={{x}}#top')).toEqual({ base: '{{d}}/api', query: 'a=1&b={{x}}', hash: '#top' });
    expect(splitUrl('{{d}}/api')).toEqual({ base: '{{d}}/api', query: null, hash: '' });
  });
});

describe('parseQuery', () => {
  it('keeps keys without values and values containing =', () => {
    expect(parseQuery('flag&a=b=c')).toEqual([
      { key: 'flag', value: '' },
      { key: 'a', value: 'b=c' },
    ]);
  });
});

describe('query table and URL stay in step', () => {
  it('fills the table from the URL and keeps disabled rows', () => {
    const disabled = { ...newRow('sort', 'name_asc'), enabled: false };
    const first = newRow('page_size', '10');
    const rows = rowsFromUrl('{{d}}/users?page_size=50&next_token={{t}}', [first, disabled]);
    expect(rows.map((r) => [r.key, r.value, r.enabled])).toEqual([
      ['page_size', '50', true],
      ['sort', 'name_asc', false],
      ['next_token', '{{t}}', true],
    ]);
    expect(rows[0]!.id).toBe(first.id);
  });

  it('writes enabled rows back into the URL, leaving disabled ones out', () => {
    const rows = [newRow('page_size', '5'), { ...newRow('sort', 'x'), enabled: false }, newRow('q', '')];
    expect(urlFromRows('{{d}}/users?old=1#f', rows)).toBe('{{d}}/users?page_size=5&q#f');
    expect(urlFromRows('{{d}}/users?old=1', [])).toBe('{{d}}/users');
  });
});
