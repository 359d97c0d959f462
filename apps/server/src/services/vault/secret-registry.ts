import { createRedactor, type Redactor } from '@kinde-explorer/core';

/**
 * Every secret plaintext the server has seen (stored secrets, tokens). The logger scrubs them
 * from each line, and the relay can use the same list to redact responses.
 */
export class SecretRegistry {
  // Short values would turn every log line into confetti and protect nothing.
  static readonly MIN_LENGTH = 6;
  private readonly values = new Set<string>();
  // Compiled on first use after a change: the logger scrubs every line, the set changes rarely.
  private redactor: Redactor | undefined;
  private snapshot: readonly string[] | undefined;

  /** Remembers a secret so later output can be scrubbed of it. */
  add(value: string | null | undefined): void {
    if (!value || value.length < SecretRegistry.MIN_LENGTH || this.values.has(value)) return;
    this.values.add(value);
    this.changed();
  }

  delete(value: string): void {
    if (this.values.delete(value)) this.changed();
  }

  has(value: string): boolean {
    return this.values.has(value);
  }

  /**
   * The known secrets; the same array until one is added or removed, so a consumer can compile
   * them once per change (history keys its scrubber on it) rather than once per call.
   */
  list(): readonly string[] {
    this.snapshot ??= Object.freeze([...this.values]);
    return this.snapshot;
  }

  /** Replaces each known secret (raw, JSON-escaped or percent-encoded) with `[REDACTED]`. */
  scrub(text: string): string {
    if (this.values.size === 0) return text;
    this.redactor ??= createRedactor(this.values, '[REDACTED]');
    return this.redactor(text);
  }

  private changed(): void {
    this.redactor = undefined;
    this.snapshot = undefined;
  }
}
