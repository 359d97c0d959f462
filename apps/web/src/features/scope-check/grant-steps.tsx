import { GRANT_PATH } from './scope-status.ts';

/** "Settings → Applications → … → Scopes": where to tick the scope in Kinde. */
export function GrantSteps({ scope }: { scope: string }) {
  return (
    <p className="grant-steps">
      To grant it, in Kinde open{' '}
      {GRANT_PATH.map((step, i) => (
        <span key={step}>
          {i > 0 && ' → '}
          <strong>{step}</strong>
        </span>
      ))}
      , tick <code>{scope}</code> and save. Then get a new token here: the explorer reuses the old one until it expires.
    </p>
  );
}
