import { useMemo } from 'react';
import { renderMarkdown } from './markdown.ts';

/** A spec description rendered from markdown; the HTML is sanitised by renderMarkdown. */
export function MarkdownView({ markdown, className = '' }: { markdown: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(markdown), [markdown]);
  if (!markdown.trim()) return null;
  return <div className={`markdown ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
