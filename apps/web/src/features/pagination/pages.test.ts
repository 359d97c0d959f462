import { describe, expect, it } from 'vitest';
import { listKeyOf, mergedDocument, nextTokenOf, readPage } from './pages.ts';

const page = JSON.stringify({ code: 'OK', message: 'Success', users: [{ id: 'kp_1' }, { id: 'kp_2' }], next_token: 'b2Zmc2V0PTI' });

describe('pages', () => {
  it('finds the next token of a Kinde list page', () => {
    expect(nextTokenOf(page)).toBe('b2Zmc2V0PTI');
    expect(nextTokenOf(JSON.stringify({ users: [], next_token: '' }))).toBeNull();
    expect(nextTokenOf(JSON.stringify({ users: [] }))).toBeNull();
    expect(nextTokenOf('next_token is not JSON')).toBeNull();
  });

  it('picks the list property to merge, never the errors', () => {
    expect(listKeyOf(JSON.parse(page))).toBe('users');
    expect(listKeyOf({ errors: [{ code: 'X' }], organizations: [{ code: 'org_1' }] })).toBe('organizations');
    expect(listKeyOf({ code: 'OK', roles: [] })).toBe('roles');
    expect(listKeyOf({ code: 'OK' })).toBeNull();
  });

  it('reads a page and writes the merged list shaped like one page', () => {
    const read = readPage(page);
    expect(read).toEqual({ key: 'users', items: [{ id: 'kp_1' }, { id: 'kp_2' }], nextToken: 'b2Zmc2V0PTI' });
    expect(JSON.parse(mergedDocument('users', [{ id: 'a' }]))).toEqual({ users: [{ id: 'a' }] });
  });
});
