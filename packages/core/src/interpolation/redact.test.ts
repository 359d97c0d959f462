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

  it('reuses the compiled redactor for the same secrets, and never mixes up different lists', () => {
    const a = createRedactor(['alpha-secret', 'beta-secret']);
    expect(createRedactor(['alpha-secret', 'beta-secret'])).toBe(a);
    expect(createRedactor(['alpha-secret'])).not.toBe(a);
    expect(createRedactor(['alpha-secret', 'beta-secret'], '***')('beta-secret')).toBe('***');
    // Far more lists than are kept: every one still redacts exactly its own secrets.
    for (let i = 0; i < 100; i++) {
      const r = createRedactor([`secret-number-${i}`]);
      expect(r(`x secret-number-${i} secret-number-${i + 1}`)).toBe(`x [redacted] secret-number-${i + 1}`);
    }
    expect(createRedactor(['alpha-secret', 'beta-secret'])('alpha-secret beta-secret')).toBe('[redacted] [redacted]');
  });

  it('uses the replacement it is given, literally', () => {
    expect(createRedactor(['s3cr3t!'], '[REDACTED $&]')('x=s3cr3t!')).toBe('x=[REDACTED $&]');
  });

  it('returns text unchanged when no secret is long enough', () => {
    expect(createRedactor(['abc', ''])('abc def')).toBe('abc def');
  });
});
