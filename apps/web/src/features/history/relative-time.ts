/** "just now", "5 min ago", "3 h ago", "yesterday", else the date: when a request was sent. */
export function relativeTime(iso: string, now: number): string {
  const then = Date.parse(iso);
  if (!Number.isFinite(then)) return '';
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  if (hours < 48) return 'yesterday';
  return new Date(then).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}

/** The URL as written, shorter: `{{business_domain}}` and the `/api/v1` prefix say nothing in a list. */
export function shortUrl(url: string): string {
  const path = url.replace(/^\{\{\s*business_domain\s*\}\}/, '').replace(/^https?:\/\/[^/]+/, '');
  return path.replace(/^\/api\/v1(?=\/)/, '') || url;
}
