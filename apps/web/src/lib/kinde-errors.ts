/** One entry of Kinde's error body `{ "errors": [{ "code", "message" }] }`. */
export interface KindeErrorItem {
  code: string;
  message: string;
}

/** Kinde's `errors` array when the body is one of its error bodies, else null. */
export function kindeErrorsOf(body: unknown): KindeErrorItem[] | null {
  if (typeof body !== 'object' || body === null) return null;
  const errors = (body as { errors?: unknown }).errors;
  if (!Array.isArray(errors) || errors.length === 0) return null;
  const items = errors
    .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
    .map((e) => ({ code: String(e.code ?? 'ERROR'), message: String(e.message ?? '') }));
  return items.length > 0 ? items : null;
}

/** What an API status means for someone calling Kinde's Management API, and what to do next. */
export function statusAdvice(status: number, retryAfter?: string | null): string | null {
  switch (status) {
    case 400:
      return 'Kinde rejected the request as invalid: check the parameters and body against the endpoint.';
    case 401:
      return 'Kinde did not accept the access token. Forget the token on the environment and send again; if it persists, check that the business domain is the one the M2M application belongs to.';
    case 403:
      return 'The token lacks a scope this endpoint needs. In Kinde, open Settings → Applications → your M2M application → APIs → Kinde Management API and enable the scope, then forget the token and send again.';
    case 404:
      return 'Kinde found nothing at this path: check the URL and any ids in it.';
    case 409:
      return 'The change conflicts with what Kinde already has (for example a duplicate).';
    case 429:
      return retryAfter
        ? `Kinde is rate limiting this application: wait ${retryAfter} s (Retry-After) and send again.`
        : 'Kinde is rate limiting this application: wait a little and send again.';
    default:
      return status >= 500 ? 'Kinde had a problem answering; try again in a moment.' : null;
  }
}

/** Kinde's OAuth error (from the token exchange) turned into advice in words. */
export function tokenErrorHint(kindeError: string | undefined, description: string | undefined): string {
  const text = `${kindeError ?? ''} ${description ?? ''}`.toLowerCase();
  if (text.includes('audience')) {
    return 'Check that the Kinde Management API is enabled for this M2M application (Settings → Applications → your app → APIs), and that business_domain is your https://<subdomain>.kinde.com domain.';
  }
  if (kindeError === 'invalid_client' || text.includes('client authentication') || text.includes('invalid_client')) {
    return 'Check the client ID and client secret: copy them again from Settings → Applications → your M2M application → Details.';
  }
  if (kindeError === 'unauthorized_client') {
    return 'This application may not use client credentials: it must be a machine-to-machine (M2M) application.';
  }
  if (kindeError === 'invalid_scope') {
    return 'The requested scopes are not granted to this application: review its scopes for the Kinde Management API.';
  }
  return 'Check business_domain, client_id and client_secret of this environment.';
}
