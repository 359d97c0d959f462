import type { ApiClientError } from '../../lib/api-error.ts';
import { tokenErrorHint } from '../../lib/kinde-errors.ts';

const TITLES: Record<string, string> = {
  unresolved_variable: 'A variable has no value',
  variable_loop: 'Variables refer to each other in a loop',
  target_not_allowed: 'Blocked: the URL is not on this environment’s Kinde domain',
  missing_business_domain: 'The environment has no business_domain',
  missing_credentials: 'The environment is missing client_id or client_secret',
  token_exchange_failed: 'Could not get an access token from Kinde',
  upstream_timeout: 'Kinde did not answer in time',
  upstream_unreachable: 'Could not reach the Kinde domain',
  response_too_large: 'The response is too large to show',
  validation_failed: 'The request is not valid',
  not_found: 'Environment not found',
  network_error: 'The explorer server cannot be reached',
};

// Who is speaking: the explorer refusing before anything left it, Kinde refusing the token, or no
// answer at all. "Kinde says" is kept for what Kinde itself answered (kinde-error-summary.tsx).
const SOURCES: Record<string, string> = {
  unresolved_variable: 'The explorer did not send this request',
  variable_loop: 'The explorer did not send this request',
  target_not_allowed: 'The explorer did not send this request',
  missing_business_domain: 'The explorer did not send this request',
  missing_credentials: 'The explorer did not send this request',
  validation_failed: 'The explorer did not send this request',
  not_found: 'The explorer did not send this request',
  token_exchange_failed: 'Kinde refused the token exchange; the request itself was not sent',
  upstream_timeout: 'Sent, but no answer came from Kinde',
  upstream_unreachable: 'Not delivered: the explorer server could not connect',
  response_too_large: 'Kinde answered; the explorer server did not pass the answer on',
  network_error: 'Nothing was sent',
};

interface TokenDetails {
  kindeError?: string;
  kindeDescription?: string;
  hint?: string;
}

/** A failure of the relay itself (nothing or no answer came from Kinde), explained in words. */
export function RelayError({ error }: { error: ApiClientError }) {
  if (error.cancelled) {
    return (
      <div className="response-placeholder" role="status">
        <p className="response-placeholder-title">Request cancelled</p>
        <p className="muted">Nothing more will arrive for it. Send again when ready.</p>
      </div>
    );
  }
  const details = error.details as TokenDetails | undefined;
  const tokenHint =
    error.code === 'token_exchange_failed' ? (details?.hint ?? tokenErrorHint(details?.kindeError, details?.kindeDescription)) : null;
  return (
    <div className="relay-error">
      <div className="notice notice-danger" role="alert">
        <span className="relay-error-source">{SOURCES[error.code] ?? 'The explorer server reported a problem'}</span>
        <span className="notice-title">{TITLES[error.code] ?? 'The request failed'}</span>
        {!details?.kindeError && <p>{error.message}</p>}
        {details?.kindeError && (
          <p>
            Kinde said: <code>{details.kindeError}</code>
            {details.kindeDescription ? ` — ${details.kindeDescription}` : ''}
          </p>
        )}
        {tokenHint && <p className="token-hint">{tokenHint}</p>}
        <p className="relay-error-code muted">
          {error.status > 0 ? `Explorer server answered ${error.status} · ` : ''}
          <code>{error.code}</code>
        </p>
      </div>
    </div>
  );
}
