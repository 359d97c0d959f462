import { exchangeToken, type ExchangedToken } from './exchange-token.ts';

export interface TokenCredentials {
  businessDomain: string;
  clientId: string;
  clientSecret: string;
}

export interface TokenLease {
  token: ExchangedToken;
  /** True when no exchange was needed for this caller. */
  cached: boolean;
}

/** What an exchange is for: the environment, and a token it must not hand back (it was refused or forgotten). */
export interface ExchangeContext {
  envId: string;
  stale?: string | undefined;
}

export type Exchange = (creds: TokenCredentials, context: ExchangeContext) => Promise<ExchangedToken>;

export interface TokenCacheOptions {
  exchange?: Exchange;
  /** Renew this long before `exp` (capped at a tenth of the token's life, so short-lived tokens still cache). */
  refreshSkewMs?: number;
  now?: () => number;
  /** Told of every new token, e.g. so the log scrubber learns it. */
  onIssued?: (token: ExchangedToken) => void;
}

interface Entry {
  /** The credentials this entry's token was issued for. */
  creds: TokenCredentials;
  token?: ExchangedToken;
  /** When the token counts as stale: `expiresAt` minus the skew. */
  renewAt?: number;
  inflight?: Promise<ExchangedToken>;
}

/**
 * M2M tokens per environment. An entry also remembers the domain, client id and secret it was
 * issued for, so editing the credentials never reuses a token from the old ones. (Compared as
 * strings: hashing the secret on every get cost more than the rest of a cache hit, and the
 * server holds the plaintext in memory anyway, e.g. in its log scrubber.) Concurrent callers on a cold or stale
 * entry share one exchange; a failed exchange is not remembered, so the next call tries again.
 */
export class TokenCache {
  readonly #entries = new Map<string, Entry>();
  /** Per environment, the last token refused (401) or forgotten: the next exchange must not return it. */
  readonly #stale = new Map<string, string>();
  readonly #exchange: Exchange;
  readonly #skewMs: number;
  readonly #now: () => number;
  readonly #onIssued: ((token: ExchangedToken) => void) | undefined;

  constructor(options: TokenCacheOptions = {}) {
    this.#exchange = options.exchange ?? ((creds) => exchangeToken(creds));
    this.#skewMs = options.refreshSkewMs ?? 60_000;
    this.#now = options.now ?? Date.now;
    this.#onIssued = options.onIssued;
  }

  /** A valid token for the environment, exchanging one if needed. `signal` only stops this caller's wait. */
  async get(envId: string, creds: TokenCredentials, signal?: AbortSignal): Promise<TokenLease> {
    signal?.throwIfAborted();
    let entry = this.#entries.get(envId);
    if (!entry || !sameCredentials(entry.creds, creds)) {
      entry = { creds: { businessDomain: creds.businessDomain, clientId: creds.clientId, clientSecret: creds.clientSecret } };
      this.#entries.set(envId, entry);
    }
    if (entry.token && entry.renewAt !== undefined && this.#now() < entry.renewAt) {
      return { token: entry.token, cached: true };
    }
    entry.inflight ??= this.#start(envId, entry, creds);
    return { token: await abortable(entry.inflight, signal), cached: false };
  }

  /**
   * Forgets the environment's token. With `stale`, only when that token is still the cached one,
   * so many requests that all saw the same 401 cause a single re-exchange.
   */
  invalidate(envId: string, stale?: string): void {
    if (stale !== undefined) this.#stale.set(envId, stale);
    const entry = this.#entries.get(envId);
    if (!entry) return;
    if (stale !== undefined && entry.token?.accessToken !== stale) return;
    this.#entries.delete(envId);
  }

  /** Forgets the environment's token so the next call exchanges afresh (a token shared by other instances too). */
  forget(envId: string): void {
    const token = this.#entries.get(envId)?.token?.accessToken;
    this.invalidate(envId, token);
    this.#entries.delete(envId);
  }

  /** Drops every token (credentials rotated, tests). */
  clear(): void {
    this.#entries.clear();
  }

  #start(envId: string, entry: Entry, creds: TokenCredentials): Promise<ExchangedToken> {
    const startedAt = this.#now();
    const flight = this.#exchange(creds, { envId, stale: this.#stale.get(envId) }).then(
      (token) => {
        this.#onIssued?.(token);
        if (this.#stale.get(envId) !== token.accessToken) this.#stale.delete(envId);
        // Only store into the entry we started from: an invalidate or credential change wins.
        if (this.#entries.get(envId) === entry) {
          const life = Math.max(0, token.expiresAt - startedAt);
          entry.token = token;
          entry.renewAt = token.expiresAt - Math.min(this.#skewMs, life / 10);
          entry.inflight = undefined;
        }
        return token;
      },
      (err: unknown) => {
        if (this.#entries.get(envId) === entry) entry.inflight = undefined;
        throw err;
      },
    );
    // A caller that gave up must not leave an unhandled rejection behind.
    flight.catch(() => {});
    return flight;
  }
}

function sameCredentials(a: TokenCredentials, b: TokenCredentials): boolean {
  return a.clientSecret === b.clientSecret && a.clientId === b.clientId && a.businessDomain === b.businessDomain;
}

/** Waits for a shared promise, but lets one caller stop waiting without cancelling it for others. */
function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
