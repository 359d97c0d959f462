import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { LargeBody } from '../../lib/response-worker/large-body.ts';
import { fold, foldAt, lineAtRow, reveal, rowOfLine, unfold, visibleCount, type Collapsed } from './fold-state.ts';
import { releaseLargeBody, searchLargeBody } from '../../lib/response-worker/client.ts';
import { JsonLine, MarkedLine, MAX_LINE_CHARS } from './json-line.tsx';
import { useFixedRows } from './use-fixed-rows.ts';

const LINE_HEIGHT = 19;
const decoder = new TextDecoder();

export interface LargeBodyHandle {
  focusSearch: () => void;
}

interface LargeBodyViewerProps {
  body: LargeBody;
  isJson: boolean;
  onReady?: (handle: LargeBodyHandle) => void;
}

/** First index in the sorted [line, col] pairs whose line is >= `line`. */
function firstHitAtOrAfter(hits: Uint32Array, line: number): number {
  let lo = 0;
  let hi = hits.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid * 2]! < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The body viewer for responses too big for Monaco: only the visible lines exist in the DOM,
 * decoded from UTF-8 on demand; folding and search work on indexes built in the format worker.
 */
export function LargeBodyViewer({ body, isJson, onReady }: LargeBodyViewerProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const searchId = useId();
  const [collapsed, setCollapsed] = useState<Collapsed>([]);
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<{ query: string; hits: Uint32Array; capped: boolean } | null>(null);
  const [current, setCurrent] = useState(0);

  useEffect(() => {
    onReady?.({ focusSearch: () => searchRef.current?.focus() });
    return () => releaseLargeBody(body.docId);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [body.docId]);

  // Search in the worker once typing pauses.
  useEffect(() => {
    if (query.trim() === '') {
      setSearch(null);
      return;
    }
    let live = true;
    const timer = window.setTimeout(() => {
      void searchLargeBody(body.docId, query).then((result) => {
        if (!live) return;
        setSearch({ query, ...result });
        setCurrent(0);
      });
    }, 250);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [query, body.docId]);

  const count = visibleCount(body.lineCount, collapsed);
  const rows = useFixedRows(scrollRef, count, LINE_HEIGHT);

  const hitCount = search ? search.hits.length / 2 : 0;
  const goTo = (index: number) => {
    if (!search || hitCount === 0) return;
    const i = ((index % hitCount) + hitCount) % hitCount;
    setCurrent(i);
    const line = search.hits[i * 2]!;
    const opened = reveal(collapsed, line);
    if (opened !== collapsed) setCollapsed(opened);
    requestAnimationFrame(() => rows.scrollToRow(rowOfLine(line, opened)));
  };

  const lineText = (line: number) => {
    const start = body.lineStarts[line]!;
    let end = body.lineStarts[line + 1]!;
    if (end > start && body.bytes[end - 1] === 0x0a) end--;
    return decoder.decode(body.bytes.subarray(start, Math.min(end, start + MAX_LINE_CHARS * 4)));
  };

  const currentHit = useMemo(
    () => (search && hitCount > 0 ? { line: search.hits[current * 2]!, col: search.hits[current * 2 + 1]! } : null),
    [search, hitCount, current],
  );

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      goTo(current + (e.shiftKey ? -1 : 1));
    } else if (e.key === 'Escape') {
      setQuery('');
      scrollRef.current?.focus();
    }
  };

  const marginWidth = `calc(${String(body.lineCount).length}ch + 40px)`;
  const visible = Array.from({ length: rows.last - rows.first }, (_, i) => {
    const row = rows.first + i;
    const line = lineAtRow(row, collapsed);
    const region = isJson ? foldAt(body.folds, line) : null;
    const folded = region !== null && collapsed.some(([s]) => s === line);
    const columns: number[] = [];
    if (search && hitCount > 0) {
      for (let h = firstHitAtOrAfter(search.hits, line); h < hitCount && search.hits[h * 2] === line && columns.length < 200; h++) {
        columns.push(search.hits[h * 2 + 1]!);
      }
    }
    return { row, line, region, folded, text: lineText(line), columns };
  });

  return (
    <div className="large-viewer">
      <div className="large-toolbar">
        <label htmlFor={searchId} className="visually-hidden">
          Search response body
        </label>
        <input
          id={searchId}
          ref={searchRef}
          type="search"
          className="input large-search"
          placeholder="Search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onSearchKey}
        />
        <span className="large-hits" role="status">
          {search ? (hitCount === 0 ? 'No results' : `${current + 1} of ${hitCount}${search.capped ? '+' : ''}`) : ''}
        </span>
        <button type="button" className="icon-btn" aria-label="Previous match" disabled={hitCount === 0} onClick={() => goTo(current - 1)}>
          ↑
        </button>
        <button type="button" className="icon-btn" aria-label="Next match" disabled={hitCount === 0} onClick={() => goTo(current + 1)}>
          ↓
        </button>
        {isJson && (
          <button type="button" className="btn btn-sm" disabled={collapsed.length === 0} onClick={() => setCollapsed([])}>
            Unfold all
          </button>
        )}
        <span className="large-note muted">
          {body.lineCount.toLocaleString()} lines · large-response viewer
        </span>
      </div>
      <div
        ref={scrollRef}
        className="large-scroll"
        tabIndex={0}
        role="region"
        aria-label={`Response body, ${body.lineCount.toLocaleString()} lines`}
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
            e.preventDefault();
            searchRef.current?.focus();
          }
        }}
      >
        <div className="large-canvas" style={{ height: rows.totalHeight }}>
          {/* One sticky column for numbers and fold buttons (one layer), the code beside it. */}
          <div className="large-margin-col" style={{ height: rows.totalHeight, width: marginWidth }}>
            {visible.map(({ row, line, region, folded }) => (
              <div key={row} className="large-margin-cell" style={{ top: row * LINE_HEIGHT }}>
                <span className="large-gutter">{line + 1}</span>
                <span className="large-fold">
                  {region && (
                    <button
                      type="button"
                      className="fold-toggle"
                      tabIndex={-1}
                      aria-expanded={!folded}
                      aria-label={`${folded ? 'Unfold' : 'Fold'} lines ${region[0] + 1}–${region[1] + 1}`}
                      onClick={() => setCollapsed(folded ? unfold(collapsed, line) : fold(collapsed, region))}
                    >
                      {folded ? '▸' : '▾'}
                    </button>
                  )}
                </span>
              </div>
            ))}
          </div>
          <div className="large-code-col" style={{ height: rows.totalHeight }}>
            {visible.map(({ row, line, region, folded, text, columns }) => (
              <div key={row} className="large-line" style={{ top: row * LINE_HEIGHT }}>
                {columns.length > 0 && search ? (
                  <MarkedLine
                    text={text}
                    columns={columns}
                    length={search.query.length}
                    current={currentHit && currentHit.line === line ? currentHit.col : null}
                  />
                ) : isJson ? (
                  <JsonLine text={text.length > MAX_LINE_CHARS ? text.slice(0, MAX_LINE_CHARS) : text} />
                ) : (
                  text.slice(0, MAX_LINE_CHARS)
                )}
                {text.length > MAX_LINE_CHARS && <span className="muted"> … (line shortened)</span>}
                {folded && region && <span className="fold-ellipsis"> … {(region[1] - region[0]).toLocaleString()} lines hidden</span>}
              </div>
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}
