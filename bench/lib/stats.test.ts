import { describe, expect, it } from 'vitest';
import { percentile, round, summarize } from './stats.ts';

describe('percentile', () => {
  it('uses the nearest rank, so p50 of an even count is the lower middle', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 99)).toBe(4);
    expect(percentile([5], 1)).toBe(5);
  });

  it('is NaN without samples', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('summarize', () => {
  it('sorts numerically, not as strings', () => {
    const s = summarize([10, 9, 100, 1]);
    expect(s.p50).toBe(9);
    expect(s.max).toBe(100);
    expect(s.mean).toBe(30);
  });
});

describe('round', () => {
  it('keeps sub-millisecond detail only for small values', () => {
    expect(round(0.123)).toBe(0.12);
    expect(round(123.45)).toBe(123.5);
    expect(round(12345.6)).toBe(12346);
  });
});
