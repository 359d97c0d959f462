import { MASK } from './core-demo.ts';

// Shorter values (a "1", "on") would blank out unrelated text; they are not identifying anyway.
const MIN_HIDDEN_LENGTH = 3;

/**
 * Replaces each of `values` inside `text` by `••••`, longest first, so a screen shared in
 * presentation mode shows no environment value (the business domain included).
 */
export function hideValues(text: string, values: readonly (string | null | undefined)[]): string {
  const needles = [...new Set(values.filter((v): v is string => typeof v === 'string' && v.length >= MIN_HIDDEN_LENGTH))];
  if (needles.length === 0) return text;
  // Without a trailing slash, so a business domain stored as `https://x.kinde.com/` hides inside URLs too.
  const variants = new Set(needles.map((v) => v.replace(/\/+$/, '')));
  const pattern = [...variants]
    .filter((v) => v.length >= MIN_HIDDEN_LENGTH)
    .sort((a, b) => b.length - a.length)
    .map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
  return text.replace(new RegExp(pattern, 'g'), MASK);
}

/** `https://acme.kinde.com/api/v1/users?x=1` → `••••/api/v1/users?x=1`: for a URL whose environment is unknown. */
export function hideOrigin(url: string): string {
  return url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]+/i, MASK);
}
