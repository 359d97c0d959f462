/** What a section hands back: tables to print, goals to check, raw data for the JSON file. */
export interface Table {
  title: string;
  columns: string[];
  rows: (string | number | null)[][];
}

export interface Goal {
  name: string;
  target: string;
  actual: string;
  /** null when it could not be measured. */
  met: boolean | null;
}

export interface SectionOutput {
  tables: Table[];
  goals: Goal[];
  notes: string[];
  data: Record<string, unknown>;
}

export function emptyOutput(): SectionOutput {
  return { tables: [], goals: [], notes: [], data: {} };
}

/** A number as the tables show it: sub-ms detail only where it matters, NaN as n/a. */
export function fmt(value: string | number | null | undefined, unit = ''): string {
  if (value === null || value === undefined) return 'n/a';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return 'n/a';
  const abs = Math.abs(value);
  const text = abs >= 1000 ? Math.round(value).toLocaleString('en-US') : abs >= 100 ? value.toFixed(0) : abs >= 10 ? value.toFixed(1) : value.toFixed(2);
  return unit ? `${text} ${unit}` : text;
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Renders a table as aligned plain text (numbers right-aligned). */
export function renderTable(table: Table): string {
  const cells = table.rows.map((r) => r.map((c) => (typeof c === 'number' ? fmt(c) : c ?? 'n/a')));
  const widths = table.columns.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const numeric = numericColumns(table);
  const line = (r: string[]) => r.map((c, i) => (numeric[i] && i > 0 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  return [`  ${table.title}`, `  ${line(table.columns)}`, `  ${widths.map((w) => '-'.repeat(w)).join('  ')}`, ...cells.map((r) => `  ${line(r)}`)].join('\n');
}

/** Renders a table as GitHub markdown (for docs/benchmarks.md); numeric columns right-aligned. */
export function markdownTable(table: Table): string {
  const cells = table.rows.map((r) => r.map((c) => (typeof c === 'number' ? fmt(c) : c ?? 'n/a')));
  const numeric = numericColumns(table);
  const align = table.columns.map((_, i) => (numeric[i] && i > 0 ? '---:' : '---'));
  return [`| ${table.columns.join(' | ')} |`, `| ${align.join(' | ')} |`, ...cells.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** A column is numeric when every cell is a number, n/a, or a figure with a unit ("12 ms", "1.2×", "+3.4 MB"). */
function numericColumns(table: Table): boolean[] {
  return table.columns.map((_, i) => table.rows.every((r) => typeof r[i] === 'number' || r[i] === null || /^[-+]?[\d.,]+\s?\S*$/.test(String(r[i] ?? ''))));
}

export function goalMark(met: boolean | null): string {
  return met === null ? 'n/a' : met ? 'met' : 'NOT met';
}
