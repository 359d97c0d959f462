import { describe, expect, it } from 'vitest';
import { shareIdFromPath } from './share-path.ts';

describe('shareIdFromPath', () => {
  it('reads the id of a share link, with or without a trailing slash', () => {
    expect(shareIdFromPath('/share/n7eyvM2aHcP9IEmQjPTLQA')).toBe('n7eyvM2aHcP9IEmQjPTLQA');
    expect(shareIdFromPath('/share/abc_-9/')).toBe('abc_-9');
  });

  it('is null for every other page', () => {
    for (const path of ['/', '/share', '/share/', '/share/a/b', '/shares/abc', '/api/shares/abc', '/share/a%2Fb']) {
      expect(shareIdFromPath(path)).toBeNull();
    }
  });
});
