import { describe, expect, it } from 'vitest';
import type { RunEvent } from '@kinde-explorer/runner';
import { createEventBudget } from './event-budget.ts';

const finished = (index: number, body: string, consoleLines = 0): RunEvent => ({
  type: 'request-finished',
  result: {
    iteration: 0,
    index,
    name: `R${index}`,
    path: [],
    method: 'GET',
    url: 'https://x.kinde.com/api/v1/users',
    response: { status: 200, statusText: 'OK', headers: [], bodyEncoding: 'utf8', size: body.length, url: 'https://x.kinde.com/api/v1/users', body, bodyTruncated: false, timeMs: 1 },
    tests: [],
    captures: [],
    console: Array.from({ length: consoleLines }, (_, i) => ({ level: 'log', message: `line ${i}` })),
    retries: [],
    failed: false,
    scriptMs: 0,
    startedAt: 'x',
    durationMs: 1,
  },
} as RunEvent);

describe('createEventBudget', () => {
  it('stores bodies until their budget is spent, then empties later ones and says so', () => {
    const fit = createEventBudget({ bodyChars: 250, totalChars: 100_000 });
    const out = [0, 1, 2].map((i) => JSON.parse(fit(finished(i, 'b'.repeat(100)))!));
    expect(out.map((e) => e.result.response.body.length)).toEqual([100, 100, 0]);
    expect(out.map((e) => e.result.response.bodyTruncated)).toEqual([false, false, true]);
  });

  it('past the total, drops console events and keeps every request, without its console lines', () => {
    const fit = createEventBudget({ bodyChars: 0, totalChars: 2_000 });
    let stored = 0;
    for (let i = 0; i < 50; i++) {
      const line = fit({ type: 'console', iteration: 0, index: i, entry: { level: 'log', message: 'x'.repeat(200) } } as RunEvent);
      if (line) stored += line.length;
    }
    expect(stored).toBeLessThanOrEqual(2_000);
    const late = fit(finished(99, 'body', 30));
    expect(late).toBeDefined();
    expect(JSON.parse(late!).result).toMatchObject({ name: 'R99', console: [], response: { body: '', bodyTruncated: true } });
  });
});
