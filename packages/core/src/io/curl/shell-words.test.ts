import { describe, expect, it } from 'vitest';
import { shellWords } from './shell-words.ts';

function words(s: string) {
  const r = shellWords(s);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.value.words;
}

describe('shellWords', () => {
  it('joins backslash-newline continuations, also with CRLF line ends', () => {
    expect(words("curl \\\n  --url 'https://a' \\\r\n  -s")).toEqual(['curl', '--url', 'https://a', '-s']);
  });

  it('keeps single-quoted text literal, backslashes and $ included', () => {
    expect(words(`curl -d '{"a":"b\\n $HOME"}'`)).toEqual(['curl', '-d', '{"a":"b\\n $HOME"}']);
  });

  it("handles the '\\'' idiom for a quote inside single quotes", () => {
    expect(words(`echo 'it'\\''s'`)).toEqual(['echo', "it's"]);
  });

  it('unescapes \\" \\\\ \\$ inside double quotes and keeps other backslashes', () => {
    expect(words(`x "say \\"hi\\" \\$5 \\\\ \\d"`)).toEqual(['x', 'say "hi" $5 \\ \\d']);
  });

  it("decodes $'…' ANSI-C quoting", () => {
    expect(words(`x $'a\\nb\\x41\\'c'`)).toEqual(['x', "a\nbA'c"]);
  });

  it('glues adjacent quoted and bare parts into one word', () => {
    expect(words(`x ab'c d'"e f"g`)).toEqual(['x', 'abc de fg']);
  });

  it('keeps & inside an unquoted URL but stops at a pipe', () => {
    const r = shellWords('curl https://a.test/x?a=1&b=2 | jq .');
    expect(r.ok && r.value).toEqual({ words: ['curl', 'https://a.test/x?a=1&b=2'], rest: '| jq .' });
  });

  it('reports an unterminated quote', () => {
    expect(shellWords(`curl -d '{"a":1}`).ok).toBe(false);
    expect(shellWords(`curl -d "abc`).ok).toBe(false);
  });
});
