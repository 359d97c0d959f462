import type { Database } from 'better-sqlite3';
import type { Vault } from './vault.ts';

const CHECK_KEY = 'vault_check';
const CHECK_PLAINTEXT = 'kinde-api-explorer vault check';

/**
 * Detects at startup that the vault key changed since secrets were stored (a new
 * EXPLORER_SECRET_KEY, a lost secret.key) by decrypting a known value kept in `meta`.
 */
export function checkVaultKey(db: Database, vault: Vault): { ok: true } | { ok: false; message: string } {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(CHECK_KEY);
  if (!row) {
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(CHECK_KEY, vault.encrypt(CHECK_PLAINTEXT, CHECK_KEY));
    return { ok: true };
  }
  try {
    if (vault.decrypt(row.value, CHECK_KEY) === CHECK_PLAINTEXT) return { ok: true };
  } catch {
    // reported below
  }
  return {
    ok: false,
    message:
      'The vault key does not match the one the stored secrets were encrypted with: secrets cannot be used until ' +
      'the original EXPLORER_SECRET_KEY or DATA_DIR/secret.key is restored (or re-enter them in each environment).',
  };
}
