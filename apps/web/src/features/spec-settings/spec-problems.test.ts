import { describe, expect, it } from 'vitest';
import { ApiClientError } from '../../lib/api-error.ts';
import { specProblems } from './spec-problems.ts';

describe('specProblems', () => {
  it('lists each problem the server found', () => {
    const error = new ApiClientError(400, 'validation_failed', 'This is not a usable OpenAPI 3 spec: a; b', { problems: ['openapi: missing', 'paths: missing'] });
    expect(specProblems(error)).toEqual(['openapi: missing', 'paths: missing']);
  });

  it('falls back to the message, e.g. when the URL could not be fetched', () => {
    expect(specProblems(new ApiClientError(400, 'bad_request', 'fetch failed: ECONNREFUSED'))).toEqual(['fetch failed: ECONNREFUSED']);
  });
});
