import type { ReactNode } from 'react';

const TOKEN = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false)\b|\b(null)\b/g;
export const MAX_LINE_CHARS = 4000;

/** One line of pretty JSON with keys, strings, numbers and literals coloured. */
export function JsonLine({ text }: { text: string }): ReactNode {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const m of text.matchAll(TOKEN)) {
    const index = m.index ?? 0;
    if (index > at) parts.push(text.slice(at, index));
    if (m[1] !== undefined) {
      parts.push(
        <span key={index} className={m[2] ? 'tok-key' : 'tok-string'}>
          {m[1]}
        </span>,
      );
      if (m[2]) parts.push(m[2]);
    } else if (m[3] !== undefined) {
      parts.push(<span key={index} className="tok-number">{m[3]}</span>);
    } else if (m[4] !== undefined) {
      parts.push(<span key={index} className="tok-literal">{m[4]}</span>);
    } else if (m[5] !== undefined) {
      parts.push(<span key={index} className="tok-literal">{m[5]}</span>);
    }
    at = index + m[0].length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

/** A line with search hits marked (no colouring, so marks never split tokens). */
export function MarkedLine({ text, columns, length, current }: { text: string; columns: number[]; length: number; current: number | null }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const col of columns) {
    if (col < at) continue;
    parts.push(text.slice(at, col));
    parts.push(
      <mark key={col} className={col === current ? 'hit hit-current' : 'hit'}>
        {text.slice(col, col + length)}
      </mark>,
    );
    at = col + length;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}
