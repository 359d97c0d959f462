/** What to check, in words, for a refused token request; keyed on Kinde's OAuth error text. */
export function hintFor(status: number, kindeError?: string, kindeDescription?: string): string {
  const error = (kindeError ?? '').toLowerCase();
  const said = `${error} ${kindeDescription ?? ''}`.toLowerCase();
  if (error === 'invalid_client') return 'Check the client ID and secret of the M2M application.';
  // Kinde phrases a missing API authorisation in several ways; they all mention the audience or the API.
  if (/audience|\bapi\b|not authori[sz]ed|not allowed/.test(said) || error === 'invalid_target') {
    return 'Check that the Kinde Management API is enabled for this M2M application (Settings → Applications → your app → APIs).';
  }
  if (error === 'unsupported_grant_type' || error === 'invalid_grant') {
    return 'Check that the application is a machine-to-machine (M2M) application; only M2M apps can use client_credentials.';
  }
  if (status === 404) {
    return 'Check business_domain: it must be your https://<subdomain>.kinde.com domain, even if you use a custom domain.';
  }
  if (status === 429) return 'Kinde is rate limiting token requests; wait a moment and try again.';
  if (status >= 500) return 'Kinde had a problem issuing the token; try again shortly.';
  return 'Check business_domain, client_id and client_secret in the environment.';
}
