import { describe, expect, it } from 'vitest';
import { dispositionFileName } from './export-file.ts';

describe('dispositionFileName', () => {
  it('prefers the UTF-8 name and falls back to the plain one', () => {
    expect(dispositionFileName(`attachment; filename="Kinde _ Co.postman_collection.json"; filename*=UTF-8''Kinde%20%C3%A9%20Co.postman_collection.json`)).toBe(
      'Kinde é Co.postman_collection.json',
    );
    expect(dispositionFileName('attachment; filename="a.json"')).toBe('a.json');
    expect(dispositionFileName(`attachment; filename="b.json"; filename*=UTF-8''%E0%A4%A`)).toBe('b.json');
    expect(dispositionFileName(null)).toBeNull();
  });
});
