import { describe, expect, it } from 'vitest';
import { findScope, stripScopeBlock } from './scope.ts';

describe('findScope', () => {
  it('prefers x-scope over the description', () => {
    expect(findScope({ 'x-scope': 'read:users', description: '<code>read:other</code>' })).toBe('read:users');
  });

  it('reads Kinde <code> blocks, backticks and plain mentions', () => {
    expect(findScope({ description: 'x\n<div>\n  <code>update:organization_users</code>\n</div>' })).toBe('update:organization_users');
    expect(findScope({ description: 'Requires `delete:apis`' })).toBe('delete:apis');
    expect(findScope({ description: 'Requires the read:roles scope.' })).toBe('read:roles');
  });

  it('does not mistake URLs or plain code for scopes', () => {
    expect(findScope({ description: 'See https://docs.kinde.com and <code>page_size</code>' })).toBeNull();
  });
});

describe('stripScopeBlock', () => {
  it('removes the scope block and keeps the markdown around it', () => {
    expect(stripScopeBlock('Returns users.\n\n<div>\n  <code>read:users</code>\n</div>\n')).toBe('Returns users.');
    expect(stripScopeBlock('A\n\n<div>\n  <code>read:users</code>\n</div>\n\nMore text.')).toBe('A\n\nMore text.');
  });
});
