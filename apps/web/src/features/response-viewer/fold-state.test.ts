import { describe, it, expect } from 'vitest';
import { fold, foldAt, lineAtRow, reveal, rowOfLine, unfold, visibleCount } from './fold-state.ts';

const folds = Uint32Array.from([0, 11, 1, 9, 2, 5, 6, 8]);

describe('large viewer folding', () => {
  it('finds the region a line opens', () => {
    expect(foldAt(folds, 2)).toEqual([2, 5]);
    expect(foldAt(folds, 3)).toBeNull();
  });

  it('hides the inner lines of folded regions and maps rows to lines', () => {
    const c = fold(fold([], [6, 8]), [2, 5]);
    expect(visibleCount(12, c)).toBe(12 - 3 - 2);
    expect([0, 1, 2, 3, 4, 5, 6].map((row) => lineAtRow(row, c))).toEqual([0, 1, 2, 6, 9, 10, 11]);
    expect(rowOfLine(6, c)).toBe(3);
    expect(rowOfLine(7, c)).toBe(-1);
  });

  it('absorbs inner folds, unfolds and reveals', () => {
    const inner = fold([], [2, 5]);
    const outer = fold(inner, [1, 9]);
    expect(outer).toEqual([[1, 9]]);
    expect(unfold(outer, 1)).toEqual([]);
    expect(reveal(fold(inner, [6, 8]), 7)).toEqual([[2, 5]]);
  });
});
