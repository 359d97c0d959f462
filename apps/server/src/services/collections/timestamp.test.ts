import { describe, expect, it } from 'vitest';
import { nextTimestamp } from './timestamp.ts';

describe('nextTimestamp', () => {
  it('never repeats, even within one millisecond', () => {
    const stamps = Array.from({ length: 50 }, () => nextTimestamp());
    expect(new Set(stamps).size).toBe(50);
    expect([...stamps].sort()).toEqual(stamps);
  });
});
