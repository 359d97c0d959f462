import { describe, expect, it } from 'vitest';
import * as core from '@kinde-explorer/core';
import * as local from './core-catalog.ts';

describe('core-catalog', () => {
  it('re-exports the very functions @kinde-explorer/core exports', () => {
    expect(local.search).toBe(core.search);
    expect(local.buildSearchIndex).toBe(core.buildSearchIndex);
    expect(local.buildRequestFromOperation).toBe(core.buildRequestFromOperation);
    expect(local.applyPathParams).toBe(core.applyPathParams);
    expect(local.BASE_URL_VARIABLE).toBe(core.BASE_URL_VARIABLE);
  });
});
