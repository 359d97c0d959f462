/** Something the palette can list: searchable text and what choosing it does. */
export interface PaletteItem {
  id: string;
  group: 'Actions' | 'Operations' | 'Saved requests' | 'Environments';
  label: string;
  /** Secondary text, e.g. the path or the collection. */
  detail?: string;
  method?: string;
  shortcut?: string;
  /** Extra words that find it (synonyms). */
  keywords?: string;
  run: () => void;
}

/**
 * Items whose text contains every word of the query (any order, any case), best first: a label
 * starting with the query, then a label containing it, then the rest, otherwise in given order.
 */
export function matchItems<T extends Pick<PaletteItem, 'label' | 'detail' | 'keywords' | 'method'>>(items: readonly T[], query: string): T[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...items];
  const words = q.split(/\s+/);
  const scored: { item: T; score: number; index: number }[] = [];
  items.forEach((item, index) => {
    const label = item.label.toLowerCase();
    const text = `${label} ${item.detail ?? ''} ${item.keywords ?? ''} ${item.method ?? ''}`.toLowerCase();
    if (!words.every((w) => text.includes(w))) return;
    const score = label.startsWith(q) ? 0 : label.includes(q) ? 1 : 2;
    scored.push({ item, score, index });
  });
  return scored.sort((a, b) => a.score - b.score || a.index - b.index).map((s) => s.item);
}
