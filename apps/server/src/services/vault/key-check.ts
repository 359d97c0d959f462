import type { DataLayer } from '../storage/index.ts';
import type { Vault } from './vault.ts';

const CHECK_KEY = 'vault_check';
const CHECK_PLAINTEXT = 'kinde-api-explorer vault check';

const MISMATCH =
  'The vault key does not match the one the stored secrets were encrypted with: secrets cannot be used until ' +
  'the original EXPLORER_SECRET_KEY (the same on every instance) or DATA_DIR/secret.key is restored (or re-enter them in each environment).';

/**
 * Detects at startup that the vault key changed since secrets were stored (a new
 * EXPLORER_SECRET_KEY, a lost secret.key, an instance started with another key) by decrypting a
 * known value kept in `meta`.
 */
export async function checkVaultKey(data: DataLayer, vault: Vault): Promise<{ ok: true } | { ok: false; message: string }> {
  const { db } = data;
  // Two instances starting at once may both write it: the first one's value stays.
  await db
    .insertInto('meta')
    .values({ key: CHECK_KEY, value: vault.encrypt(CHECK_PLAINTEXT, CHECK_KEY) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db.selectFrom('meta').select('value').where('key', '=', CHECK_KEY).executeTakeFirstOrThrow();
  try {
    if (vault.decrypt(row.value, CHECK_KEY) === CHECK_PLAINTEXT) return { ok: true };
  } catch {
    // reported below
  }
  return { ok: false, message: MISMATCH };
}
