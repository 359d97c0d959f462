import { createHash } from 'node:crypto';
import type { DataLayer } from '../storage/index.ts';

/** How long a person may take on Kinde's sign-in page before the explorer forgets the login. */
export const LOGIN_TTL_MS = 10 * 60_000;

export const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

export interface PendingLogin {
  codeVerifier: string;
  nonce: string;
  redirectUri: string;
  inviteTokenHash: string | null;
  browserHash: string;
}

/**
 * Logins between leaving for Kinde and coming back, in the database so the callback may reach any
 * instance. Found by the state's hash; `take` deletes the row as it reads it, so a state works once.
 */
export function createPendingLogins(data: DataLayer, now: () => number = Date.now) {
  const { db } = data;
  return {
    async save(state: string, login: PendingLogin): Promise<void> {
      const at = now();
      await db.deleteFrom('oidc_logins').where('expires_at', '<=', at).execute();
      await db
        .insertInto('oidc_logins')
        .values({
          state_hash: sha256(state),
          browser_hash: login.browserHash,
          code_verifier: login.codeVerifier,
          nonce: login.nonce,
          redirect_uri: login.redirectUri,
          invite_token_hash: login.inviteTokenHash,
          created_at: at,
          expires_at: at + LOGIN_TTL_MS,
        })
        .execute();
    },

    /** The login of this state, deleted in the same statement (single use); `expired` when it outlived LOGIN_TTL_MS. */
    async take(state: string): Promise<(PendingLogin & { expired: boolean }) | null> {
      const row = await db.deleteFrom('oidc_logins').where('state_hash', '=', sha256(state)).returningAll().executeTakeFirst();
      if (!row) return null;
      return {
        codeVerifier: row.code_verifier,
        nonce: row.nonce,
        redirectUri: row.redirect_uri,
        inviteTokenHash: row.invite_token_hash,
        browserHash: row.browser_hash,
        expired: Number(row.expires_at) <= now(),
      };
    },
  };
}
