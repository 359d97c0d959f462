import { randomBytes } from 'node:crypto';

/** The "regular web" application people sign in to, as registered in Kinde. */
export interface WebClient {
  clientId: string;
  clientSecret: string;
  /** Kinde's "Allowed callback URLs": a redirect_uri must equal one of them exactly. */
  redirectUris: string[];
  name: string;
}

/** A valid authorization request waiting for the person to pick who they are on the sign-in page. */
export interface PendingAuthorization {
  clientId: string;
  redirectUri: string;
  scope: string[];
  state: string;
  nonce: string | null;
  codeChallenge: string;
  loginHint: string | null;
  expiresAt: number;
}

/** An issued authorization code: single use, short lived, bound to its client, redirect and challenge. */
export interface IssuedCode {
  clientId: string;
  redirectUri: string;
  scope: string[];
  nonce: string | null;
  codeChallenge: string;
  userId: string;
  authTime: number;
  expiresAt: number;
}

/** How long the sign-in page may stay open before its request is forgotten. */
const PENDING_TTL_MS = 15 * 60_000;

/** The sandbox's OpenID Connect memory: open sign-in pages and issued codes (reset() forgets both). */
export class OidcState {
  private readonly pending = new Map<string, PendingAuthorization>();
  private readonly codes = new Map<string, IssuedCode>();

  constructor(
    readonly webClient: WebClient,
    readonly codeTtlSeconds: number,
  ) {}

  addPending(request: Omit<PendingAuthorization, 'expiresAt'>): string {
    this.sweep();
    const id = randomBytes(16).toString('base64url');
    this.pending.set(id, { ...request, expiresAt: Date.now() + PENDING_TTL_MS });
    return id;
  }

  /** The open request, which the sign-in page's answer ends (either way). */
  takePending(id: string): PendingAuthorization | null {
    const request = this.pending.get(id);
    this.pending.delete(id);
    return request && request.expiresAt > Date.now() ? request : null;
  }

  issueCode(grant: Omit<IssuedCode, 'expiresAt'>): string {
    this.sweep();
    const code = randomBytes(32).toString('base64url');
    this.codes.set(code, { ...grant, expiresAt: Date.now() + this.codeTtlSeconds * 1000 });
    return code;
  }

  /** A code is spent by the first exchange that presents it, whether that exchange succeeds or not. */
  spendCode(code: string): { grant: IssuedCode; expired: boolean } | null {
    const grant = this.codes.get(code);
    if (!grant) return null;
    this.codes.delete(code);
    return { grant, expired: grant.expiresAt <= Date.now() };
  }

  clear(): void {
    this.pending.clear();
    this.codes.clear();
  }

  private sweep() {
    const now = Date.now();
    for (const [k, v] of this.pending) if (v.expiresAt <= now) this.pending.delete(k);
    for (const [k, v] of this.codes) if (v.expiresAt <= now) this.codes.delete(k);
  }
}
