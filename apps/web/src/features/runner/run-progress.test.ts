import { describe, expect, it } from 'vitest';
import type { RequestResult, RunEvent } from '@kinde-explorer/runner';
import { applyRunEvent, EMPTY_PROGRESS, failuresFirst, slowest } from './run-progress.ts';

const result = (index: number, over: Partial<RequestResult> = {}): RequestResult => ({
  iteration: 0,
  index,
  name: `Request ${index}`,
  path: [],
  method: 'GET',
  url: 'https://acme.kinde.com/api/v1/users',
  tests: [{ name: 't', passed: true, kind: 'assertion', origin: 'request', phase: 'test' }],
  captures: [],
  console: [],
  retries: [],
  failed: false,
  scriptMs: 1,
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 10,
  response: { status: 200, statusText: 'OK', headers: [], bodyEncoding: 'utf8', size: 2, url: 'x', body: '{}', bodyTruncated: false, timeMs: 10 * (index + 1) },
  ...over,
});

describe('applyRunEvent', () => {
  it('counts requests and tests as they finish and shows the request in flight', () => {
    const events: RunEvent[] = [
      { type: 'run-started', collectionName: 'Orgs', iterations: 1, totalRequests: 2, startedAt: '2026-01-01T00:00:00.000Z' },
      { type: 'request-started', iteration: 0, index: 0, name: 'Create', path: ['Orgs'], method: 'POST' },
      { type: 'request-finished', result: result(0) },
      { type: 'request-started', iteration: 0, index: 1, name: 'Read', path: [], method: 'GET' },
      { type: 'rate-limited', iteration: 0, index: 1, wait: { status: 429, waitMs: 100 } },
      {
        type: 'request-finished',
        result: result(1, { failed: true, tests: [{ name: 'bad', passed: false, error: 'expected 1 to equal 2', kind: 'script', origin: 'request', phase: 'test' }] }),
      },
    ];
    const p = events.reduce(applyRunEvent, EMPTY_PROGRESS);
    expect(p).toMatchObject({ totalRequests: 2, done: 2, passedTests: 1, failedTests: 1, failedRequests: 0, rateLimitWaits: 1 });
    expect(p.current?.name).toBe('Read');
    expect(p.results).toHaveLength(2);
  });
});

describe('failuresFirst and slowest', () => {
  it('puts failed requests first in run order, and finds the slowest', () => {
    const list = [result(0), result(1, { failed: true }), result(2), result(3, { failed: true })];
    expect(failuresFirst(list).map((r) => r.index)).toEqual([1, 3, 0, 2]);
    expect(slowest(list, 2).map((r) => r.index)).toEqual([3, 2]);
  });
});
