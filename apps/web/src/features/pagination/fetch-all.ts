import { readPage } from './pages.ts';

export interface PageResponse {
  status: number;
  body: string;
  headers: { key: string; value: string }[];
}

export interface FetchAllProgress {
  pages: number;
  items: number;
  key: string | null;
}

export interface FetchAllResult extends FetchAllProgress {
  list: unknown[];
  /** `done`: no next_token left; `stopped`: the user stopped; `error`: a page failed; `limit`: maxPages reached. */
  outcome: 'done' | 'stopped' | 'error' | 'limit';
  message?: string;
}

export interface FetchAllOptions {
  /** Sends the request with this `next_token` (null: the first page). */
  sendPage: (nextToken: string | null, signal: AbortSignal) => Promise<PageResponse>;
  signal: AbortSignal;
  onProgress?: (progress: FetchAllProgress) => void;
  maxPages?: number;
  /** Waits out a 429 (Retry-After, capped); injectable for tests. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const MAX_RATE_LIMIT_WAITS = 3;
const MAX_WAIT_MS = 30_000;

function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}

function retryAfterMs(headers: PageResponse['headers']): number {
  const value = headers.find((h) => h.key.toLowerCase() === 'retry-after')?.value;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds * 1000, MAX_WAIT_MS) : 1000;
}

/**
 * Follows `next_token` from the first page to the last, merging each page's list. Stops when a
 * page has no token, repeats a token or comes back empty (so a server that always returns a token
 * cannot loop), when the user aborts, or on an error status; waits out rate limiting.
 */
export async function fetchAllPages({ sendPage, signal, onProgress, maxPages = 1000, sleep = defaultSleep }: FetchAllOptions): Promise<FetchAllResult> {
  const list: unknown[] = [];
  const seen = new Set<string>();
  let key: string | null = null;
  let pages = 0;
  let token: string | null = null;
  let waits = 0;
  const result = (outcome: FetchAllResult['outcome'], message?: string): FetchAllResult => ({
    list,
    key,
    pages,
    items: list.length,
    outcome,
    ...(message ? { message } : {}),
  });

  while (pages < maxPages) {
    if (signal.aborted) return result('stopped');
    let res: PageResponse;
    try {
      res = await sendPage(token, signal);
    } catch (thrown) {
      return signal.aborted ? result('stopped') : result('error', (thrown as Error).message);
    }
    if (res.status === 429 && waits < MAX_RATE_LIMIT_WAITS) {
      waits++;
      await sleep(retryAfterMs(res.headers), signal);
      continue;
    }
    if (res.status < 200 || res.status >= 300) return result('error', `Page ${pages + 1} answered ${res.status}.`);
    waits = 0;
    const page = readPage(res.body);
    pages++;
    key ??= page.key;
    list.push(...page.items);
    onProgress?.({ pages, items: list.length, key });
    if (!page.nextToken || page.items.length === 0 || seen.has(page.nextToken)) return result('done');
    seen.add(page.nextToken);
    token = page.nextToken;
  }
  return result('limit', `Stopped after ${maxPages} pages.`);
}
