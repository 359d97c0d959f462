import { describe, expect, it } from 'vitest';
import { matchShortcut, SHORTCUTS, type KeyLike } from './shortcuts.ts';

const press = (code: string, mods: Partial<KeyLike> = {}, key = code.replace(/^Key/, '').toLowerCase()): KeyLike => ({
  key,
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('matchShortcut', () => {
  it('recognises each documented shortcut with Ctrl or Cmd', () => {
    expect(matchShortcut(press('KeyK', { ctrlKey: true }), true)).toBe('palette');
    expect(matchShortcut(press('KeyK', { metaKey: true }), true)).toBe('palette');
    expect(matchShortcut(press('KeyS', { ctrlKey: true }), true)).toBe('save');
    expect(matchShortcut(press('KeyE', { metaKey: true }), false)).toBe('switchEnvironment');
    expect(matchShortcut(press('KeyN', { ctrlKey: true, altKey: true }), false)).toBe('newTab');
  });

  it('reads Alt letters from the key code, as a Mac types a symbol for ⌥T', () => {
    expect(matchShortcut(press('KeyT', { altKey: true }, '†'), true)).toBe('newTab');
    expect(matchShortcut(press('KeyW', { altKey: true }, '∑'), true)).toBe('closeTab');
  });

  it('leaves "?" to text fields and plain letters alone', () => {
    expect(matchShortcut(press('Slash', { shiftKey: true }, '?'), false)).toBe('help');
    expect(matchShortcut(press('Slash', { shiftKey: true }, '?'), true)).toBeNull();
    expect(matchShortcut(press('KeyK'), false)).toBeNull();
    expect(matchShortcut(press('KeyS', { ctrlKey: true, shiftKey: true }), false)).toBeNull();
  });

  it('documents every shortcut it handles, and none the browser keeps', () => {
    expect(SHORTCUTS.map((s) => s.id).sort()).toEqual(['closeTab', 'help', 'newTab', 'palette', 'save', 'send', 'switchEnvironment']);
    const reserved = /^(Ctrl\+|⌘)[TWN]$/;
    for (const s of SHORTCUTS) for (const k of s.keys) expect(k).not.toMatch(reserved);
  });
});
