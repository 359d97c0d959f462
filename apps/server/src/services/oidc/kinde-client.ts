import * as oidc from 'openid-client';
import type { OidcConfig } from '../../config.ts';

/** What the explorer takes from a Kinde sign-in: who it is and their email as Kinde vouches for it. */
export interface KindeIdentity {
  sub: string;
  email: string | null;
  /** False only when Kinde says the email is not verified; absent in the claims counts as verified (Kinde verifies before issuing). */
  emailVerified: boolean;
  name: string | null;
}

/** Why talking to Kinde failed, in the explorer's words. */
export class KindeError extends Error {
  override name = 'KindeError';
  constructor(
    readonly reason: 'unreachable' | 'denied' | 'rejected',
    message: string,
    /** Kinde's own OAuth error code, when it sent one. */
    readonly oauthError?: string,
  ) {
    super(message);
  }
}

const SCOPE = 'openid profile email';
const TIMEOUT_SECONDS = 10;
const isLoopback = (u: URL) => ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);

/**
 * Kinde as an OpenID provider, through openid-client: discovery (cached once it succeeded; a
 * failure is retried at the next sign-in), the authorization URL with PKCE S256, state and nonce,
 * and the code exchange, where openid-client checks state, PKCE, the ID token's iss / aud / azp /
 * exp / iat / nonce and, with non-repudiation checks on, its RS256 signature against Kinde's JWKS.
 */
export function createKindeClient(cfg: OidcConfig) {
  const issuer = new URL(cfg.issuer);
  let discovered: Promise<oidc.Configuration> | null = null;

  const configuration = () => {
    discovered ??= oidc
      .discovery(issuer, cfg.clientId, cfg.clientSecret, undefined, {
        // http only for a loopback issuer (the sandbox); config.ts refuses any other http issuer.
        ...(isLoopback(issuer) && issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {}),
        timeout: TIMEOUT_SECONDS,
      })
      .then((c) => {
        oidc.enableNonRepudiationChecks(c);
        return c;
      })
      .catch((err: unknown) => {
        discovered = null;
        throw new KindeError('unreachable', `Kinde at ${cfg.issuer} could not be reached (${describe(err)}).`);
      });
    return discovered;
  };

  return {
    issuer: cfg.issuer,

    /** Kinde's sign-in URL for this login; the verifier and nonce stay on the server. */
    async authorizationUrl(input: { redirectUri: string; state: string; nonce: string; codeVerifier: string; prompt?: string | undefined }): Promise<URL> {
      const config = await configuration();
      const challenge = await oidc.calculatePKCECodeChallenge(input.codeVerifier);
      return oidc.buildAuthorizationUrl(config, {
        redirect_uri: input.redirectUri,
        scope: SCOPE,
        state: input.state,
        nonce: input.nonce,
        code_challenge: challenge,
        code_challenge_method: 'S256',
        ...(input.prompt ? { prompt: input.prompt } : {}),
      });
    },

    /** Exchanges the callback's code; the identity in the validated ID token (or the user profile for a missing email). */
    async exchange(callback: URL, checks: { state: string; nonce: string; codeVerifier: string }): Promise<KindeIdentity> {
      const config = await configuration();
      let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
      try {
        tokens = await oidc.authorizationCodeGrant(config, callback, {
          pkceCodeVerifier: checks.codeVerifier,
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          idTokenExpected: true,
        });
      } catch (err) {
        if (err instanceof oidc.AuthorizationResponseError) {
          const denied = err.error === 'access_denied';
          throw new KindeError(denied ? 'denied' : 'rejected', err.error_description ?? err.error, err.error);
        }
        if (err instanceof oidc.WWWAuthenticateChallengeError) {
          throw new KindeError('rejected', 'Kinde refused the sign-in: it did not accept the explorer\'s client id and secret. An administrator should check EXPLORER_OIDC_CLIENT_ID and EXPLORER_OIDC_CLIENT_SECRET against the application in Kinde.', 'invalid_client');
        }
        if (err instanceof oidc.ResponseBodyError) throw new KindeError('rejected', `Kinde refused the sign-in: ${err.error_description ?? err.error}.`, err.error);
        if (isNetworkError(err)) throw new KindeError('unreachable', `Kinde at ${cfg.issuer} could not be reached (${describe(err)}).`);
        throw new KindeError('rejected', `Kinde's answer did not pass the checks: ${describe(err)}.`);
      }
      const claims = tokens.claims()!;
      let email = typeof claims.email === 'string' ? claims.email : null;
      let verified = claims.email_verified;
      let name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : null;
      if (!email) {
        try {
          const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
          email = info.email ?? null;
          verified = info.email_verified;
          name ??= info.name?.trim() || null;
        } catch (err) {
          throw new KindeError(isNetworkError(err) ? 'unreachable' : 'rejected', `Kinde's user profile could not be read (${describe(err)}).`);
        }
      }
      return { sub: claims.sub, email: email?.trim().toLowerCase() ?? null, emailVerified: verified !== false, name };
    },
  };
}

export type KindeClient = ReturnType<typeof createKindeClient>;

function isNetworkError(err: unknown): boolean {
  const e = err as { name?: string; cause?: { code?: string } };
  return e?.name === 'TypeError' || e?.name === 'AbortError' || e?.name === 'TimeoutError' || typeof e?.cause?.code === 'string';
}

function describe(err: unknown): string {
  const e = err as { message?: string; cause?: { code?: string; message?: string } };
  return [e?.message, e?.cause?.code ?? e?.cause?.message].filter(Boolean).join(': ') || String(err);
}
