/**
 * Folding for the large-body viewer: `collapsed` holds the folded regions as [start, end] line
 * pairs, outermost only and sorted, so mapping between visible rows and lines is O(folded).
 */
export type Collapsed = readonly (readonly [number, number])[];

/** The fold region starting at `line`, from the sorted pairs, or null. */
export function foldAt(folds: Uint32Array, line: number): [number, number] | null {
  let lo = 0;
  let hi = folds.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = folds[mid * 2]!;
    if (start === line) return [start, folds[mid * 2 + 1]!];
    if (start < line) lo = mid + 1;
    else hi = mid - 1;
  }
  return null;
}

/** How many rows show when `collapsed` regions hide their inner lines. */
export function visibleCount(lineCount: number, collapsed: Collapsed): number {
  return collapsed.reduce((n, [s, e]) => n - (e - s), lineCount);
}

/** The line shown at visible row `row`. */
export function lineAtRow(row: number, collapsed: Collapsed): number {
  let line = row;
  for (const [s, e] of collapsed) {
    if (s < line) line += e - s;
    else break;
  }
  return line;
}

/** The visible row of `line`, or -1 when it is hidden inside a fold. */
export function rowOfLine(line: number, collapsed: Collapsed): number {
  let row = line;
  for (const [s, e] of collapsed) {
    if (line > s && line <= e) return -1;
    if (e < line) row -= e - s;
  }
  return row;
}

/** Folds [start, end]; any folded region inside it is absorbed. */
export function fold(collapsed: Collapsed, region: readonly [number, number]): Collapsed {
  const [s, e] = region;
  const kept = collapsed.filter(([cs, ce]) => !(cs >= s && ce <= e));
  return [...kept, [s, e] as const].sort((a, b) => a[0] - b[0]);
}

/** Unfolds the region starting at `start`. */
export function unfold(collapsed: Collapsed, start: number): Collapsed {
  return collapsed.filter(([s]) => s !== start);
}

/** Unfolds whatever hides `line`, e.g. to reveal a search hit. */
export function reveal(collapsed: Collapsed, line: number): Collapsed {
  return collapsed.filter(([s, e]) => !(line > s && line <= e));
}
