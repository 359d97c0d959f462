import { InputError } from './input-error.ts';

/** The streams the prompt uses (process.stdin / stderr; tests pass fakes). */
export interface PromptIo {
  input: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  output: { write(s: string): unknown };
}

/**
 * Asks for a password on the terminal without echoing it. Null when stdin is not a terminal (CI):
 * the caller then says to set EXPLORER_PASSWORD. The prompt goes to stderr, so stdout stays the report.
 */
export function promptPassword(question: string, io: PromptIo = { input: process.stdin, output: process.stderr }): Promise<string | null> {
  const { input, output } = io;
  if (!input.isTTY || typeof input.setRawMode !== 'function') return Promise.resolve(null);
  // No echo before the question shows, so nothing typed at once can appear on the screen.
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  output.write(question);
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error: Error | null, result: string | null = null) => {
      input.off('data', onData);
      input.setRawMode?.(false);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(result);
    };
    const onData = (chunk: string | Buffer) => {
      for (const ch of String(chunk)) {
        if (ch === '\r' || ch === '\n') return finish(null, value);
        // Raw mode turns Ctrl-C and Ctrl-D into characters: they cancel here.
        if (ch === '\u0003' || (ch === '\u0004' && value === '')) return finish(new InputError('Cancelled at the password prompt.'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    input.on('data', onData);
  });
}
