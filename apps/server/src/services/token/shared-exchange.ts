import { createHash } from 'node:crypto';
import { decodeJwt } from 'jose';
import type { DataLayer } from '../storage/index.ts';
import type { Vault } from '../vault/vault.ts';
import { scopesOf, type ExchangedToken } from './exchange-token.ts';
import type { Exchange, TokenCredentials } from './token-cache.ts';

export interface SharedExchangeOptions {
  data: DataLayer;
  vault: Vault;
  /** The real exchange with Kinde. */
  exchange: Exchange;
  /** Counts as stale this long before `exp` (capped at a tenth of its life), as the cache does. */
  refreshSkewMs?: number;
  now?: () => number;
}

// The token is sealed with its environment and credentials as context: a token of old
// credentials cannot even be decrypted, and no hash of the secret is stored beside it.
const context = (envId: string, creds: TokenCredentials) =>
  `token:${envId}:${createHash('sha256').update(`${creds.businessDomain}\n${creds.clientId}\n${creds.clientSecret}`).digest('base64url')}`;

/**
 * Single-flight across instances: one exchange per environment under a lock every instance
 * respects (an advisory lock on PostgreSQL); the token is stored sealed in `tokens`, so the
 * instances that waited read it instead of exchanging again. Each instance's `TokenCache`
 * already shares one call among its own concurrent callers.
 */
export function sharedExchange(opts: SharedExchangeOptions): Exchange {
  const { data, vault } = opts;
  const now = opts.now ?? Date.now;
  const skew = opts.refreshSkewMs ?? 60_000;

  const stored = async (envId: string, creds: TokenCredentials, stale: string | undefined): Promise<ExchangedToken | undefined> => {
    const row = await data.db.selectFrom('tokens').selectAll().where('environment_id', '=', envId).executeTakeFirst();
    if (!row || now() >= row.expires_at - Math.min(skew, (row.expires_at - row.issued_at) / 10)) return undefined;
    let accessToken: string;
    try {
      accessToken = vault.decrypt(row.token_enc, context(envId, creds));
    } catch {
      return undefined; // other credentials (or another key): exchange anew
    }
    if (accessToken === stale) return undefined;
    const claims = decodeJwt(accessToken) as ExchangedToken['claims'];
    return { accessToken, claims, scopes: scopesOf(claims), expiresAt: row.expires_at };
  };

  return (creds, ctx) =>
    data.withLock(`token:${ctx.envId}`, async () => {
      const reused = await stored(ctx.envId, creds, ctx.stale);
      if (reused) return reused;
      const issuedAt = now();
      const token = await opts.exchange(creds, ctx);
      const row = { token_enc: vault.encrypt(token.accessToken, context(ctx.envId, creds)), issued_at: issuedAt, expires_at: token.expiresAt };
      await data.db
        .insertInto('tokens')
        .values({ environment_id: ctx.envId, ...row })
        .onConflict((oc) => oc.column('environment_id').doUpdateSet(row))
        .execute()
        // The environment was deleted meanwhile (foreign key): the token is still good for this caller.
        .catch(() => {});
      return token;
    });
}
