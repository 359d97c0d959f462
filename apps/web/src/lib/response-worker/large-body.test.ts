import { describe, it, expect } from 'vitest';
import { byteLineStarts, jsonFolds, lineOfOffset, searchText, textLineStarts } from './large-body.ts';

const pretty = JSON.stringify({ users: [{ id: 'a', tags: [] }, { id: 'é' }], ok: true }, null, 2);

describe('large body indexes', () => {
  it('finds line starts in UTF-8 bytes, multi-byte characters included', () => {
    const bytes = new TextEncoder().encode('a\né\n');
    expect([...byteLineStarts(bytes)]).toEqual([0, 2, 5, 5]);
  });

  it('finds the foldable objects and arrays of pretty JSON, sorted by start line', () => {
    // {            0
    //   "users": [ 1
    //     {        2
    //       "id": "a", 3
    //       "tags": [] 4
    //     },       5
    //     {        6
    //       "id": "é" 7
    //     }        8
    //   ],         9
    //   "ok": true 10
    // }            11
    expect([...jsonFolds(pretty)]).toEqual([0, 11, 1, 9, 2, 5, 6, 8]);
  });

  it('maps search hits to line and column, ignoring case', () => {
    const starts = textLineStarts(pretty);
    expect(lineOfOffset(starts, 0)).toBe(0);
    const { hits, capped } = searchText(pretty, starts, '"ID"');
    expect([...hits]).toEqual([3, 6, 7, 6]);
    expect(capped).toBe(false);
    expect(searchText(pretty, starts, 'id', 1).capped).toBe(true);
  });
});
