import { useId } from 'react';
import type { RequestAuth } from '@kinde-explorer/core';

export function AuthEditor({ auth, onChange, environmentName }: { auth: RequestAuth; onChange: (auth: RequestAuth) => void; environmentName: string | null }) {
  const name = useId();
  return (
    <fieldset className="auth-editor">
      <legend className="visually-hidden">Authorization</legend>
      <label className="auth-option">
        <input type="radio" name={name} checked={auth === 'kinde-m2m'} onChange={() => onChange('kinde-m2m')} />
        <span>
          <strong>Kinde M2M token of the environment</strong>
          <span className="muted">
            The server gets a token for {environmentName ? `“${environmentName}”` : 'the selected environment'} with
            client credentials, caches it, and adds <code>Authorization: Bearer …</code>. The token never reaches
            the browser.
          </span>
        </span>
      </label>
      <label className="auth-option">
        <input type="radio" name={name} checked={auth === 'none'} onChange={() => onChange('none')} />
        <span>
          <strong>No auth</strong>
          <span className="muted">Send without an Authorization header (Kinde answers 401 for the Management API).</span>
        </span>
      </label>
    </fieldset>
  );
}
