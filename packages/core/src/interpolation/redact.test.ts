import { describe, expect, it } from 'vitest';
import { createRedactor, redact } from './redact.ts';

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

describe('createRedactor', () => {
  it('redacts every string it is given, not only the first (the compiled pattern is reused)', () => {
    const scrub = createRedactor(['abcd1234']);
    expect(scrub('a abcd1234')).toBe('a [redacted]');
    expect(scrub('abcd1234 b abcd1234')).toBe('[redacted] b [redacted]');
    expect(scrub('nothing here')).toBe('nothing here');
  });

  it('uses the replacement it is given, literally', () => {
    expect(createRedactor(['s3cr3t!'], '[REDACTED $&]')('x=s3cr3t!')).toBe('x=[REDACTED $&]');
  });

  it('returns text unchanged when no secret is long enough', () => {
    expect(createRedactor(['abc', ''])('abc def')).toBe('abc def');
  });
});
