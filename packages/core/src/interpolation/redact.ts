/** Shorter values would blank out ordinary words and digits all over a response. */
export const MIN_SECRET_LENGTH = 4;
export const REDACTED = '[redacted]';

/**
 * Replaces every occurrence of each secret (length ≥ 4) with `[redacted]`. Also catches the
 * forms a secret takes inside URLs (percent-encoded) and JSON strings (escaped), since echoed
 * requests and error bodies carry it that way.
 */
export function redact(text: string, secrets: readonly string[]): string {
  const needles = new Set<string>();
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) continue;
    needles.add(secret);
    needles.add(JSON.stringify(secret).slice(1, -1));
    try {
      needles.add(encodeURIComponent(secret));
    } catch {
      // a lone surrogate cannot be percent-encoded, so it cannot appear encoded either
    }
  }
  if (needles.size === 0) return text;
  // One pass, longest first: a secret containing another is replaced whole, and a replacement
  // is never scanned again.
  const pattern = [...needles].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  return text.replace(new RegExp(pattern, 'g'), REDACTED);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
