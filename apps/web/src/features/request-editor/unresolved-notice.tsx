import { useAppStore } from '../../store/app-store.ts';

interface UnresolvedNoticeProps {
  names: string[];
  environmentId: string | null;
  environmentName: string | null;
}

/** Flags variables that will not resolve before the request is sent (the server would refuse it). */
export function UnresolvedNotice({ names, environmentId, environmentName }: UnresolvedNoticeProps) {
  const openEnvironmentTab = useAppStore((s) => s.openEnvironmentTab);
  if (!environmentId) {
    return (
      <div className="unresolved" role="status">
        <span className="unresolved-icon" aria-hidden="true">!</span>
        <span>Choose an environment in the top bar: requests are sent with its credentials and variables.</span>
      </div>
    );
  }
  if (names.length === 0) return null;
  return (
    <div className="unresolved" role="status" aria-label="Unresolved variables">
      <span className="unresolved-icon" aria-hidden="true">!</span>
      <span>
        Not defined in “{environmentName ?? 'this environment'}”:{' '}
        {names.map((n, i) => (
          <span key={n}>
            {i > 0 && ', '}
            <code className="unresolved-name">{`{{${n}}}`}</code>
          </span>
        ))}
        . The server will refuse to send until {names.length === 1 ? 'it has' : 'they have'} a value.
      </span>
      <button type="button" className="btn btn-sm" onClick={() => openEnvironmentTab(environmentId)}>
        Edit environment
      </button>
    </div>
  );
}
