/**
 * Every secret plaintext the server has seen (stored secrets, tokens). The logger scrubs them
 * from each line, and the relay can use the same list to redact responses.
 */
export class SecretRegistry {
  // Short values would turn every log line into confetti and protect nothing.
  static readonly MIN_LENGTH = 6;
  private readonly values = new Set<string>();

  /** Remembers a secret so later output can be scrubbed of it. */
  add(value: string | null | undefined): void {
    if (value && value.length >= SecretRegistry.MIN_LENGTH) this.values.add(value);
  }

  delete(value: string): void {
    this.values.delete(value);
  }

  has(value: string): boolean {
    return this.values.has(value);
  }

  list(): string[] {
    return [...this.values];
  }

  /** Replaces each known secret (raw and as it appears JSON-escaped) with `[REDACTED]`. */
  scrub(text: string): string {
    if (this.values.size === 0) return text;
    let out = text;
    // Longest first so a secret containing another is removed whole.
    for (const v of [...this.values].sort((a, b) => b.length - a.length)) {
      out = out.split(v).join('[REDACTED]');
      const escaped = JSON.stringify(v).slice(1, -1);
      if (escaped !== v) out = out.split(escaped).join('[REDACTED]');
    }
    return out;
  }
}
