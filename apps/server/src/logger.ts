import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { pino, type Logger } from 'pino';
import type { LogLevel } from './config.ts';
import type { SecretRegistry } from './services/vault/secret-registry.ts';

export type { Logger };

// Field names that carry credentials wherever they appear (pino wildcards match one level each).
const SENSITIVE = ['authorization', 'cookie', 'set-cookie', 'client_secret', 'clientSecret', 'token', 'access_token', 'accessToken', 'password', 'value_enc'];
const REDACT_PATHS = SENSITIVE.flatMap((k) => {
  const key = /^[A-Za-z_$][\w$]*$/.test(k) ? k : `["${k}"]`;
  const sep = key.startsWith('[') ? '' : '.';
  return [key, `*${sep}${key}`, `*.*${sep}${key}`, `*.*.*${sep}${key}`];
});

export interface LoggerOptions {
  level: LogLevel;
  /** Also append every line to this file. */
  file?: string | undefined;
  secrets: SecretRegistry;
  /** Where lines go besides the file; default stdout. Tests pass a collector. */
  sink?: { write(line: string): void };
}

/** pino with credential fields redacted and every known secret value scrubbed from the final line. */
export function createLogger(opts: LoggerOptions): Logger {
  const sink = opts.sink ?? process.stdout;
  let file: { write(line: string): void } | undefined;
  if (opts.file) {
    mkdirSync(dirname(opts.file), { recursive: true });
    file = createWriteStream(opts.file, { flags: 'a', mode: 0o600 });
  }
  const destination = {
    write(line: string) {
      const clean = opts.secrets.scrub(line);
      sink.write(clean);
      file?.write(clean);
    },
  };
  return pino(
    {
      level: opts.level,
      base: undefined,
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
    },
    destination,
  );
}
