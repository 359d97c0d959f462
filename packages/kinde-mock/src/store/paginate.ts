import { ApiError } from '../errors.ts';

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 500;

/** The next_token is opaque to clients; here it is base64url JSON of the next offset. */
export function encodeNextToken(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

function decodeNextToken(token: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown };
    if (typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0) return parsed.o;
  } catch {
    // fall through to the error below
  }
  throw new ApiError(400, 'INVALID_NEXT_TOKEN', 'The next_token is invalid or has expired.');
}

function pageSizeOf(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_PAGE_SIZE;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    throw new ApiError(400, 'INVALID_PAGE_SIZE', 'page_size must be a positive integer.');
  }
  return Math.min(n, MAX_PAGE_SIZE);
}

/** Slices one page; `next_token` is only present when more items follow. */
export function paginate<T>(
  items: readonly T[],
  query: { page_size?: string; next_token?: string },
): { page: T[]; next_token?: string } {
  const size = pageSizeOf(query.page_size);
  const offset = query.next_token ? decodeNextToken(query.next_token) : 0;
  const page = items.slice(offset, offset + size);
  const end = offset + page.length;
  return end < items.length ? { page, next_token: encodeNextToken(end) } : { page };
}
