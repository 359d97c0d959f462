import { useEffect, useState } from 'react';
import { ApiClientError } from '../../lib/api-error.ts';
import { formatCountdown } from '../../lib/format.ts';
import { tokenErrorHint } from '../../lib/kinde-errors.ts';
import { useForgetToken, useGetToken, useTokenInfo, type TokenInfo } from './token-queries.ts';
import { useHideEnvironmentValues } from '../demo/use-demo.ts';

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function expiryMs(info: TokenInfo): number {
  if (typeof info.expiresAt === 'string' || typeof info.expiresAt === 'number') return new Date(info.expiresAt).getTime();
  return Number(info.claims.exp) * 1000;
}

function Countdown({ info }: { info: TokenInfo }) {
  const now = useNow(1000);
  const at = expiryMs(info);
  const left = Math.max(0, Math.floor((at - now) / 1000));
  return (
    <span className={left === 0 ? 'countdown-expired' : ''}>
      <span aria-live="off">{formatCountdown(left)}</span>
      <span className="muted"> · {new Date(at).toLocaleString()}</span>
    </span>
  );
}

interface TokenErrorDetails {
  kindeError?: string;
  kindeDescription?: string;
  hint?: string;
}

function TokenError({ error }: { error: Error }) {
  const details = (error instanceof ApiClientError ? error.details : undefined) as TokenErrorDetails | undefined;
  const kinde = details?.kindeError;
  const hint = details?.hint ?? (error instanceof ApiClientError && error.code === 'token_exchange_failed'
    ? tokenErrorHint(kinde, details?.kindeDescription)
    : null);
  return (
    <div className="notice notice-danger" role="alert">
      <span className="notice-title">{kinde ? 'Kinde refused the token request' : 'No token'}</span>
      {kinde && (
        <p>
          Kinde said: <code>{kinde}</code>
          {details?.kindeDescription ? ` — ${details.kindeDescription}` : ''}
        </p>
      )}
      {/* The server's message repeats Kinde's words and the hint; show it only when they are absent. */}
      {!kinde && <p>{error.message}</p>}
      {hint && <p className="token-hint">{hint}</p>}
    </div>
  );
}

function audienceText(aud: unknown): string {
  if (Array.isArray(aud)) return aud.join(', ');
  return typeof aud === 'string' ? aud : '—';
}

/** "Get token": the server exchanges the credentials and shows the decoded claims, never the token. */
export function TokenPanel({ environmentId, unsaved }: { environmentId: string; unsaved: boolean }) {
  const { data: info } = useTokenInfo(environmentId);
  const getToken = useGetToken(environmentId);
  const forget = useForgetToken(environmentId);
  // Presentation mode: the audience, client and issuer carry environment values.
  const { hide } = useHideEnvironmentValues();
  const scopes: string[] = info ? (info.scopes ?? String(info.claims.scope ?? '').split(' ').filter(Boolean)) : [];

  return (
    <aside className="token-panel" aria-label="Access token">
      <div className="token-panel-header">
        <h2>Access token</h2>
        <div className="token-actions">
          {info && (
            <button type="button" className="btn btn-sm" disabled={forget.isPending} onClick={() => forget.mutate()}>
              Forget token
            </button>
          )}
          <button
            type="button"
            className="btn btn-sm btn-primary"
            disabled={getToken.isPending}
            onClick={() => getToken.mutate()}
          >
            {getToken.isPending ? 'Getting token…' : 'Get token'}
          </button>
        </div>
      </div>
      {unsaved && <p className="token-note">Uses the saved values: save your changes first to test them.</p>}
      {!info && !getToken.error && !getToken.isPending && (
        <p className="muted">
          The server exchanges client_id and client_secret for a Kinde M2M token and shows what it grants. The
          token itself never reaches the browser.
        </p>
      )}
      {getToken.error && <TokenError error={getToken.error} />}
      {info && (
        <div className="claims" aria-live="polite">
          <p className="token-status">
            <span className="token-ok" aria-hidden="true">●</span> Token {info.cached ? 'reused from cache' : 'issued'}
          </p>
          <dl className="claims-list">
            <dt>
              Scopes
              {scopes.length > 0 && <span className="scope-count">{scopes.length} granted</span>}
            </dt>
            <dd>
              {scopes.length === 0 ? (
                <span className="muted">none — the application has no Management API scopes</span>
              ) : (
                <ul className="scope-chips" aria-label="Scopes">
                  {scopes.map((s) => (
                    <li key={s} className="chip">
                      {s}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
            <dt>Expires in</dt>
            <dd>
              <Countdown info={info} />
            </dd>
            <dt>Audience</dt>
            <dd className="mono">{hide(audienceText(info.claims.aud))}</dd>
            <dt>Client</dt>
            <dd className="mono">{hide(String(info.claims.azp ?? '—'))}</dd>
            <dt>Issuer</dt>
            <dd className="mono">{hide(String(info.claims.iss ?? '—'))}</dd>
            <dt>Grant type</dt>
            <dd className="mono">{String(info.claims.gty ?? '—')}</dd>
          </dl>
        </div>
      )}
    </aside>
  );
}
