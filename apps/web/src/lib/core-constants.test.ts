import { describe, it, expect } from 'vitest';
import * as core from '@kinde-explorer/core';
import { ALWAYS_SECRET_KEYS, HTTP_METHODS, SCRIPT_MAX_CHARS } from './core-constants.ts';

describe('core constants copied into the web bundle', () => {
  it('match the originals in @kinde-explorer/core', () => {
    expect([...HTTP_METHODS]).toEqual([...core.HTTP_METHODS]);
    expect([...ALWAYS_SECRET_KEYS]).toEqual([...core.ALWAYS_SECRET_KEYS]);
    expect(SCRIPT_MAX_CHARS).toBe(core.SCRIPT_MAX_CHARS);
  });
});
