import { err, ok, type Result } from '../../result.ts';

export type ShellWords = {
  words: string[];
  /** Text after an unquoted `|`, `;`, `&&`, `<` or `>`: another command or a redirection, not part of curl's. */
  rest?: string;
};

const ANSI_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '?': '?', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v' };

/**
 * Splits a POSIX shell command line into words the way sh would: backslash-newline continuations,
 * '…' literal, "…" with \ escapes for $ ` " \ and newline, $'…' ANSI-C quoting, bare backslashes.
 * No expansion happens: `$VAR` stays as written.
 */
export function shellWords(input: string): Result<ShellWords> {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const n = input.length;
  const push = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  while (i < n) {
    const c = input[i]!;
    if (c === '\\') {
      const next = input[i + 1];
      if (next === '\n') {
        i += 2;
      } else if (next === '\r' && input[i + 2] === '\n') {
        i += 3;
      } else if (next === undefined) {
        i += 1;
      } else {
        word += next;
        inWord = true;
        i += 2;
      }
    } else if (c === "'") {
      const end = input.indexOf("'", i + 1);
      if (end === -1) return err('unterminated single quote (\') in the command');
      word += input.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      const r = readDoubleQuoted(input, i + 1);
      if (r === undefined) return err('unterminated double quote (") in the command');
      word += r.text;
      inWord = true;
      i = r.end;
    } else if (c === '$' && input[i + 1] === "'") {
      const r = readAnsiQuoted(input, i + 2);
      if (r === undefined) return err("unterminated $'…' quote in the command");
      word += r.text;
      inWord = true;
      i = r.end;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      push();
      i += 1;
    } else if ('|;<>'.includes(c) || (c === '&' && isOperatorAmpersand(input, i))) {
      push();
      const rest = input.slice(i).trim();
      return ok({ words, rest });
    } else {
      word += c;
      inWord = true;
      i += 1;
    }
  }
  push();
  return ok({ words });
}

// A `&` inside a word (an unquoted `?a=1&b=2` pasted from a browser) is kept: a shell would cut the
// command there, but the user plainly meant the URL. `&&` and a free-standing `&` still end it.
function isOperatorAmpersand(input: string, i: number): boolean {
  const next = input[i + 1];
  return next === undefined || next === '&' || /\s/.test(next);
}

function readDoubleQuoted(input: string, start: number): { text: string; end: number } | undefined {
  let text = '';
  let i = start;
  while (i < input.length) {
    const c = input[i]!;
    if (c === '"') return { text, end: i + 1 };
    if (c === '\\') {
      const next = input[i + 1];
      if (next === '\n') {
        i += 2;
        continue;
      }
      if (next !== undefined && '$`"\\'.includes(next)) {
        text += next;
        i += 2;
        continue;
      }
    }
    text += c;
    i += 1;
  }
  return undefined;
}

function readAnsiQuoted(input: string, start: number): { text: string; end: number } | undefined {
  let text = '';
  let i = start;
  while (i < input.length) {
    const c = input[i]!;
    if (c === "'") return { text, end: i + 1 };
    if (c === '\\' && i + 1 < input.length) {
      const next = input[i + 1]!;
      const hex = next === 'x' ? /^[0-9a-fA-F]{1,2}/.exec(input.slice(i + 2)) : next === 'u' ? /^[0-9a-fA-F]{1,4}/.exec(input.slice(i + 2)) : null;
      if (hex) {
        text += String.fromCodePoint(parseInt(hex[0], 16));
        i += 2 + hex[0].length;
        continue;
      }
      text += ANSI_ESCAPES[next] ?? `\\${next}`;
      i += 2;
      continue;
    }
    text += c;
    i += 1;
  }
  return undefined;
}
