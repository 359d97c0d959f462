import { decodeJwt, type JWTPayload } from 'jose';
import { apiError } from '../../errors.ts';
import { networkReason } from '../../http/network-error.ts';
import { hintFor } from './token-hints.ts';

export interface ExchangeTokenInput {
  /** Normalised origin, e.g. `https://myapp.kinde.com`. */
  businessDomain: string;
  clientId: string;
  clientSecret: string;
  signal?: AbortSignal;
  /** Gives up on a silent token endpoint; the default is generous because Kinde is usually fast. */
  timeoutMs?: number;
}

/** A token as Kinde issued it, with its claims decoded for display. */
export interface ExchangedToken {
  accessToken: string;
  claims: JWTPayload & Record<string, unknown>;
  scopes: string[];
  /** Epoch ms at which Kinde says the token stops working. */
  expiresAt: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/** The token endpoint and form body exactly as Kinde documents the M2M client_credentials flow. */
export function tokenRequest(input: Pick<ExchangeTokenInput, 'businessDomain' | 'clientId' | 'clientSecret'>): {
  url: string;
  body: URLSearchParams;
} {
  const origin = new URL(input.businessDomain).origin;
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: input.clientId,
    client_secret: input.clientSecret,
    audience: `${origin}/api`,
  });
  return { url: `${origin}/oauth2/token`, body };
}

/**
 * Performs Kinde's M2M token exchange. Failures are `ApiError`s: 502 `token_exchange_failed`
 * carrying Kinde's own `error`/`error_description`. A caller's abort rethrows its AbortError.
 */
export async function exchangeToken(input: ExchangeTokenInput): Promise<ExchangedToken> {
  const { url, body } = tokenRequest(input);
  const timeout = AbortSignal.timeout(input.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = input.signal ? AbortSignal.any([input.signal, timeout]) : timeout;

  let res: Response;
  let text: string;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body,
      redirect: 'manual',
      signal,
    });
    text = await res.text();
  } catch (err) {
    // The caller's own abort is not Kinde's failure: let it propagate as the AbortError it is.
    if (input.signal?.aborted) throw err;
    if (timeout.aborted) {
      throw apiError(502, 'token_exchange_failed', `Kinde's token endpoint ${url} did not answer within ${Math.round((input.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000)} s.`, {
        hint: 'Check business_domain and that the Kinde domain is reachable from the server.',
      });
    }
    throw apiError(502, 'token_exchange_failed', `Could not reach Kinde's token endpoint ${url}: ${networkReason(err)}.`, {
      hint: 'Check business_domain (your https://<subdomain>.kinde.com domain) and the server\'s network access.',
    });
  }

  const json = parseJson(text);
  if (!res.ok) throw kindeRefusal(res.status, json, text, input.clientSecret);

  const accessToken = typeof json?.access_token === 'string' ? json.access_token : undefined;
  if (!accessToken) {
    throw apiError(502, 'token_exchange_failed', `Kinde's token endpoint answered ${res.status} without an access_token.`, {
      hint: 'Check that business_domain points at your Kinde domain and not at another site.',
    });
  }
  let claims: ExchangedToken['claims'];
  try {
    claims = decodeJwt(accessToken);
  } catch {
    throw apiError(502, 'token_exchange_failed', 'Kinde returned an access token that is not a JWT.');
  }

  const now = Date.now();
  const fromExp = typeof claims.exp === 'number' ? claims.exp * 1000 : Infinity;
  const fromExpiresIn = typeof json?.expires_in === 'number' ? now + json.expires_in * 1000 : Infinity;
  const expiresAt = Math.min(fromExp, fromExpiresIn);
  if (!Number.isFinite(expiresAt)) {
    throw apiError(502, 'token_exchange_failed', 'Kinde returned a token with neither exp nor expires_in.');
  }
  if (expiresAt <= now) {
    throw apiError(502, 'token_exchange_failed', 'Kinde returned a token that has already expired; check the server clock.');
  }
  return { accessToken, claims, scopes: scopesOf(claims), expiresAt };
}

/** Kinde puts scopes in `scope` as a space-separated string; tolerate an array too. */
export function scopesOf(claims: JWTPayload): string[] {
  const scope = (claims as Record<string, unknown>).scope ?? (claims as Record<string, unknown>).scp;
  if (typeof scope === 'string') return scope.split(/\s+/).filter(Boolean);
  if (Array.isArray(scope)) return scope.filter((s): s is string => typeof s === 'string');
  return [];
}

function kindeRefusal(status: number, json: Record<string, unknown> | undefined, text: string, secret: string) {
  const kindeError = typeof json?.error === 'string' ? json.error : undefined;
  const kindeDescription = typeof json?.error_description === 'string' ? json.error_description : undefined;
  const hint = hintFor(status, kindeError, kindeDescription);
  if (kindeError) {
    const said = kindeDescription ? `${kindeError}: ${kindeDescription}` : kindeError;
    return apiError(502, 'token_exchange_failed', `Kinde refused the token request (${status} ${said}). ${hint}`, {
      kindeStatus: status,
      kindeError,
      kindeDescription,
      hint,
    });
  }
  // Not Kinde's error shape: quote a little of what came back (never the secret) to help diagnose.
  const excerpt = text.slice(0, 200).split(secret).join('[redacted]').trim();
  return apiError(502, 'token_exchange_failed', `Kinde's token endpoint answered ${status}${excerpt ? `: ${excerpt}` : ''}. ${hint}`, {
    kindeStatus: status,
    hint,
  });
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
