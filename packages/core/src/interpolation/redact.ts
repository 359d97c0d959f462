/** Shorter values would blank out ordinary words and digits all over a response. */
export const MIN_SECRET_LENGTH = 4;
export const REDACTED = '[redacted]';

export type Redactor = (text: string) => string;

const identity: Redactor = (text) => text;

/**
 * Compiles the secrets into one pattern, once: the relay redacts every header, body, URL and
 * template of a send with the same set, so building the RegExp per string was pure overhead.
 * Catches each secret (length ≥ 4) raw, percent-encoded (URLs) and JSON-escaped (echoed bodies).
 */
export function createRedactor(secrets: Iterable<string>, replacement: string = REDACTED): Redactor {
  const list = [...secrets];
  const key = `${replacement}\u0000${list.join('\u0000')}`;
  const cached = compiled.get(key);
  if (cached) {
    // Most recently used last, so the oldest is the first one dropped.
    compiled.delete(key);
    compiled.set(key, cached);
    return cached;
  }
  const redactor = compile(list, replacement);
  compiled.set(key, redactor);
  if (compiled.size > MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
  return redactor;
}

/**
 * Sends of one environment use the same secrets and token again and again: compiling their
 * pattern once per set, not once per send, saves ~0.1 ms a send. Bounded, least recently used out.
 */
const MAX_COMPILED = 64;
const compiled = new Map<string, Redactor>();

function compile(secrets: readonly string[], replacement: string): Redactor {
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
  if (needles.size === 0) return identity;
  // One pass, longest first: a secret containing another is replaced whole, and a replacement
  // is never scanned again.
  const pattern = new RegExp([...needles].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'g');
  const literal = replacement.replace(/\$/g, '$$$$'); // `$&` etc. in a replacement mean nothing here
  return (text) => text.replace(pattern, literal);
}

/** Replaces every occurrence of each secret with `[redacted]`; prefer `createRedactor` for many strings. */
export function redact(text: string, secrets: readonly string[]): string {
  return createRedactor(secrets)(text);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
