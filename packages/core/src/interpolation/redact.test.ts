import { describe, expect, it } from 'vitest';
import { redact } from './redact.ts';

describe('redact', () => {
  it('replaces every occurrence of every secret', () => {
    expect(redact('id=abcd1234 secret=s3cr3t! again abcd1234', ['abcd1234', 's3cr3t!'])).toBe('id=[redacted] secret=[redacted] again [redacted]');
  });

  it('ignores secrets shorter than 4 characters', () => {
    expect(redact('a b abc', ['abc', 'a', ''])).toBe('a b abc');
  });

  it('replaces a secret that contains another one whole', () => {
    expect(redact('token=longsecretvalue', ['secret', 'longsecretvalue'])).toBe('token=[redacted]');
  });

  it('catches percent-encoded and JSON-escaped forms', () => {
    const secret = 'p@ss/w"rd';
    expect(redact('url?x=p%40ss%2Fw%22rd', [secret])).toBe('url?x=[redacted]');
    expect(redact(JSON.stringify({ echo: secret }), [secret])).toBe('{"echo":"[redacted]"}');
  });

  it('treats regex characters in secrets literally', () => {
    expect(redact('a.*b and axxb', ['a.*b'])).toBe('[redacted] and axxb');
  });

  it('does not re-scan its own replacement', () => {
    expect(redact('XXXXXXXX', ['XXXXXXXX', 'dact'])).toBe('[redacted]');
  });
});
