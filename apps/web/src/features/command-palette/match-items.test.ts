import { describe, expect, it } from 'vitest';
import { matchItems } from './match-items.ts';

const items = [
  { label: 'New request tab', keywords: 'open add' },
  { label: 'Toggle theme', keywords: 'dark light' },
  { label: 'Send request' },
  { label: 'Kinde sandbox', detail: 'environment' },
];

describe('matchItems', () => {
  it('needs every word, in any order and case', () => {
    expect(matchItems(items, 'REQUEST new').map((i) => i.label)).toEqual(['New request tab']);
    expect(matchItems(items, 'dark').map((i) => i.label)).toEqual(['Toggle theme']);
    expect(matchItems(items, 'nothing like it')).toEqual([]);
  });

  it('puts labels that start with the query first', () => {
    expect(matchItems(items, 'send').map((i) => i.label)).toEqual(['Send request']);
    expect(matchItems(items, 're').map((i) => i.label)).toEqual(['New request tab', 'Send request']);
  });

  it('returns everything, in order, for an empty query', () => {
    expect(matchItems(items, '  ')).toEqual(items);
  });
});
