import type { GrantedScopes } from './use-granted-scopes.ts';
import type { ScopeStatus } from './scope-status.ts';
import { GrantSteps } from './grant-steps.tsx';
import './scope-check.css';

const LABEL: Record<ScopeStatus['kind'], string> = {
  public: 'No token needed',
  'no-scope': 'No scope documented',
  unknown: 'checking token…',
  granted: 'granted',
  missing: 'not granted',
};

/** The operation's scope as a chip: granted (✓), missing (!) or not yet known. */
export function ScopeBadge({ status, granted }: { status: ScopeStatus; granted: GrantedScopes }) {
  const scope = 'scope' in status ? status.scope : null;
  const label =
    status.kind === 'unknown' && !granted.checking
      ? granted.error
        ? 'token unavailable'
        : 'not checked'
      : LABEL[status.kind];
  return (
    <span
      className={`scope-badge scope-${status.kind}`}
      role="status"
      aria-label={scope ? `Scope ${scope}: ${label}` : label}
      title={granted.error ? `Could not get a token to check scopes: ${granted.error.message}` : undefined}
    >
      <span className="scope-icon" aria-hidden="true">
        {status.kind === 'granted' ? '✓' : status.kind === 'missing' ? '!' : status.kind === 'public' ? '○' : '…'}
      </span>
      {scope && <code>{scope}</code>}
      <span className="scope-label">{label}</span>
    </span>
  );
}

/** Before sending: a warning (sending stays possible) when the token lacks the operation's scope. */
export function ScopeWarning({ status, granted, environmentName }: { status: ScopeStatus; granted: GrantedScopes; environmentName: string | null }) {
  if (status.kind !== 'missing') return null;
  return (
    <div className="notice notice-warning scope-warning" role="alert" aria-label="Missing scope">
      <div className="scope-warning-line">
        <span className="notice-title">
          The token of {environmentName ? `“${environmentName}”` : 'this environment'} lacks <code>{status.scope}</code>: Kinde will
          answer 403.
        </span>
        <RefreshButton granted={granted} />
      </div>
      <details className="grant-details">
        <summary>How to grant it in Kinde</summary>
        <GrantSteps scope={status.scope} />
      </details>
    </div>
  );
}

/** After granting a scope in Kinde, the cached token must be replaced to carry it. */
export function RefreshButton({ granted }: { granted: GrantedScopes }) {
  return (
    <button type="button" className="btn btn-sm" onClick={granted.refresh} disabled={granted.checking}>
      {granted.checking ? 'Getting a new token…' : 'Get a new token'}
    </button>
  );
}
