/** A big body prepared for the virtualised viewer: UTF-8 bytes plus indexes, all transferable. */
export interface LargeBody {
  /** Identifies the text kept in the format worker for searching. */
  /** The send's request id: the worker keeps the body searchable under it. */
  docId: string;
  /** The (pretty-printed) text as UTF-8. */
  bytes: Uint8Array;
  /** Byte offset where each line starts, plus one final entry: the total length. */
  lineStarts: Uint32Array;
  /** Foldable regions as pairs [startLine, endLine] (0-based, end = the closing line), sorted by start. */
  folds: Uint32Array;
  lineCount: number;
}

/** Byte offsets of line starts in UTF-8 `bytes` (with a final sentinel at bytes.length). */
export function byteLineStarts(bytes: Uint8Array): Uint32Array {
  let count = 1;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) count++;
  const starts = new Uint32Array(count + 1);
  let line = 1;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) starts[line++] = i + 1;
  starts[count] = bytes.length;
  return starts;
}

/**
 * Foldable regions of pretty-printed JSON: a line ending in `{` or `[` opens one, the line that
 * starts with the matching `}` or `]` closes it.
 */
export function jsonFolds(text: string): Uint32Array {
  const pairs: number[] = [];
  const open: number[] = [];
  let line = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let first = start;
    while (first < end && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first++;
    const firstChar = text.charCodeAt(first);
    if ((firstChar === 0x7d || firstChar === 0x5d) && open.length > 0) {
      const from = open.pop()!;
      if (line > from) pairs.push(from, line);
    }
    let last = end - 1;
    while (last > first && (text.charCodeAt(last) === 32 || text.charCodeAt(last) === 13)) last--;
    const lastChar = text.charCodeAt(last);
    if (last >= first && (lastChar === 0x7b || lastChar === 0x5b)) open.push(line);
    line++;
    start = end + 1;
  }
  // Emitted as regions close; the viewer wants them by start line.
  const order = Array.from({ length: pairs.length / 2 }, (_, i) => i).sort((a, b) => pairs[a * 2]! - pairs[b * 2]!);
  const sorted = new Uint32Array(pairs.length);
  order.forEach((pair, i) => {
    sorted[i * 2] = pairs[pair * 2]!;
    sorted[i * 2 + 1] = pairs[pair * 2 + 1]!;
  });
  return sorted;
}

/** UTF-16 offsets of line starts in `text`, for mapping search hits to lines. */
export function textLineStarts(text: string): Uint32Array {
  const starts: number[] = [0];
  let at = text.indexOf('\n');
  while (at >= 0) {
    starts.push(at + 1);
    at = text.indexOf('\n', at + 1);
  }
  return Uint32Array.from(starts);
}

/** Index of the line containing UTF-16 `offset`. */
export function lineOfOffset(starts: Uint32Array, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Search hits as pairs [line, column], case-insensitive, at most `limit` of them. */
export function searchText(text: string, starts: Uint32Array, query: string, limit = 10_000): { hits: Uint32Array; capped: boolean } {
  if (query === '') return { hits: new Uint32Array(0), capped: false };
  const haystack = text.toLowerCase();
  const needle = query.toLowerCase();
  const hits: number[] = [];
  let at = haystack.indexOf(needle);
  while (at >= 0 && hits.length < limit * 2) {
    const line = lineOfOffset(starts, at);
    hits.push(line, at - starts[line]!);
    at = haystack.indexOf(needle, at + needle.length);
  }
  return { hits: Uint32Array.from(hits), capped: at >= 0 };
}
