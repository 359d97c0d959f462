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
  const at = compiled.findIndex((e) => e.replacement === replacement && sameList(e.secrets, list));
  if (at >= 0) {
    const hit = compiled[at]!;
    // Most recently used first, so the oldest is the one dropped.
    if (at > 0) compiled.unshift(...compiled.splice(at, 1));
    return hit.redactor;
  }
  const redactor = compile(list, replacement);
  compiled.unshift({ secrets: list, replacement, redactor });
  if (compiled.length > MAX_COMPILED) compiled.pop();
  return redactor;
}

/**
 * Sends of one environment use the same secrets and token again and again: compiling their
 * pattern once per set, not once per send, saves ~0.1 ms a send. Lists are compared element by
 * element — the same string objects send after send, so mostly pointer checks — rather than
 * through a joined key, whose building and hashing cost ~5 µs with a token in it.
 */
const MAX_COMPILED = 32;
const compiled: { secrets: readonly string[]; replacement: string; redactor: Redactor }[] = [];

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

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
