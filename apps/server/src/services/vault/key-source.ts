import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { deriveKey, VaultError } from './vault.ts';

export const KEY_FILE_NAME = 'secret.key';

export interface KeySource {
  key: Buffer;
  /** Where the key came from, for the startup log (never the key itself). */
  origin: 'env' | 'file-created' | 'file';
  /** Problems worth a warning, e.g. a key file readable by others. */
  warnings: string[];
}

/**
 * The vault key: derived from `EXPLORER_SECRET_KEY` when set, otherwise read from (or generated
 * into) `DATA_DIR/secret.key`, created with mode 0600.
 */
export function loadVaultKey(opts: { secretKey?: string | undefined; dataDir: string }): KeySource {
  if (opts.secretKey) return { key: deriveKey(opts.secretKey), origin: 'env', warnings: [] };
  const file = join(opts.dataDir, KEY_FILE_NAME);
  if (!existsSync(file)) {
    const key = randomBytes(32);
    // 'wx' fails if another process created it meanwhile, instead of overwriting its key.
    writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600); // the umask may have narrowed it further; make it exact
    return { key, origin: 'file-created', warnings: [] };
  }
  const warnings: string[] = [];
  const mode = statSync(file).mode & 0o777;
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    warnings.push(`${file} has mode ${mode.toString(8)}; other users may read it. Run: chmod 600 ${file}`);
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) {
    throw new VaultError(`${file} does not hold a 32-byte base64 key; restore it from a backup or set EXPLORER_SECRET_KEY`);
  }
  return { key, origin: 'file', warnings };
}
