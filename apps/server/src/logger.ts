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
  let file: { write(line: string): void } | undefined;
  if (opts.file) {
    mkdirSync(dirname(opts.file), { recursive: true });
    file = createWriteStream(opts.file, { flags: 'a', mode: 0o600 });
  }
  const sink = opts.sink ?? bufferedStdout();
  const destination = {
    write(line: string) {
      const clean = opts.secrets.scrub(line);
      sink.write(clean);
      file?.write(clean);
    },
  };
  const logger = pino({ level: opts.level, base: undefined, redact: { paths: REDACT_PATHS, censor: '[REDACTED]' } }, destination);
  accessLoggers.set(logger, pino({ level: opts.level, base: undefined }, destination));
  return logger;
}

const accessLoggers = new WeakMap<Logger, Logger>();

/**
 * The logger for the one line per request, whose fields (method, path, status, ms) are fixed and
 * name no credential: same level and destination, so known secrets are still scrubbed from the
 * line, but without pino's redact paths, which cost ~50 µs a line with their wildcards.
 */
export function accessLogger(logger: Logger): Logger {
  return accessLoggers.get(logger) ?? logger;
}

/**
 * stdout is written synchronously when it is a pipe or a file; lines are gathered and written
 * once per turn of the event loop instead of once each (and all of them on exit).
 */
function bufferedStdout(): { write(line: string): void } {
  let pending: string[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    process.stdout.write(text);
  };
  process.once('exit', flush);
  return {
    write(line) {
      if (pending.length === 0) setImmediate(flush);
      pending.push(line);
    },
  };
}
