import { describe, expect, it } from 'vitest';
import { fetchAllPages, type PageResponse } from './fetch-all.ts';

/** A list of `total` users served `size` at a time, like the sandbox (token = offset). */
function server(total: number, size: number, opts: { alwaysToken?: boolean; failAt?: number; rateLimitOnce?: boolean } = {}) {
  const calls: (string | null)[] = [];
  let limited = false;
  const sendPage = async (token: string | null): Promise<PageResponse> => {
    calls.push(token);
    if (opts.rateLimitOnce && !limited && calls.length === 2) {
      limited = true;
      return { status: 429, body: '{"errors":[{"code":"TOO_MANY_REQUESTS"}]}', headers: [{ key: 'Retry-After', value: '2' }] };
    }
    if (opts.failAt && calls.length === opts.failAt) return { status: 500, body: '', headers: [] };
    const offset = token ? Number(token) : 0;
    const users = Array.from({ length: Math.max(0, Math.min(size, total - offset)) }, (_, i) => ({ id: `kp_${offset + i}` }));
    const next = offset + size < total || opts.alwaysToken ? String(offset + size) : undefined;
    return { status: 200, body: JSON.stringify({ code: 'OK', users, ...(next ? { next_token: next } : {}) }), headers: [] };
  };
  return { sendPage, calls };
}

const noSleep = async () => {};

describe('fetchAllPages', () => {
  it('follows next_token to the last page and merges the lists in order', async () => {
    const s = server(57, 10);
    const progress: number[] = [];
    const result = await fetchAllPages({ sendPage: s.sendPage, signal: new AbortController().signal, onProgress: (p) => progress.push(p.items) });
    expect(result).toMatchObject({ outcome: 'done', pages: 6, items: 57, key: 'users' });
    expect(result.list[0]).toEqual({ id: 'kp_0' });
    expect(result.list[56]).toEqual({ id: 'kp_56' });
    expect(s.calls).toEqual([null, '10', '20', '30', '40', '50']);
    expect(progress).toEqual([10, 20, 30, 40, 50, 57]);
  });

  it('stops at an empty page even when the server keeps sending a token', async () => {
    const s = server(20, 10, { alwaysToken: true });
    const result = await fetchAllPages({ sendPage: s.sendPage, signal: new AbortController().signal });
    expect(result).toMatchObject({ outcome: 'done', items: 20, pages: 3 });
  });

  it('stops when the user presses Stop, keeping what it has', async () => {
    const controller = new AbortController();
    const s = server(100, 10);
    const result = await fetchAllPages({
      sendPage: s.sendPage,
      signal: controller.signal,
      onProgress: (p) => p.pages === 2 && controller.abort(),
    });
    expect(result).toMatchObject({ outcome: 'stopped', pages: 2, items: 20 });
  });

  it('reports the failing page', async () => {
    const result = await fetchAllPages({ sendPage: server(100, 10, { failAt: 3 }).sendPage, signal: new AbortController().signal });
    expect(result).toMatchObject({ outcome: 'error', pages: 2, message: 'Page 3 answered 500.' });
  });

  it('waits out a 429 for Retry-After and carries on', async () => {
    const waited: number[] = [];
    const result = await fetchAllPages({
      sendPage: server(30, 10, { rateLimitOnce: true }).sendPage,
      signal: new AbortController().signal,
      sleep: async (ms) => void waited.push(ms),
    });
    expect(waited).toEqual([2000]);
    expect(result).toMatchObject({ outcome: 'done', items: 30 });
  });

  it('gives up after maxPages', async () => {
    const result = await fetchAllPages({ sendPage: server(1000, 1).sendPage, signal: new AbortController().signal, maxPages: 5, sleep: noSleep });
    expect(result).toMatchObject({ outcome: 'limit', pages: 5, items: 5 });
  });
});
