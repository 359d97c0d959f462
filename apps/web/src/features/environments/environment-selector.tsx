import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useAppStore } from '../../store/app-store.ts';
import { useCanEdit } from '../auth/index.ts';
import { environmentsQuery } from './environment-queries.ts';

/** Always visible in the top bar: which environment requests are sent with. */
export function EnvironmentSelector() {
  const id = useId();
  const { data: environments, isPending } = useQuery(environmentsQuery());
  const activeId = useAppStore((s) => s.activeEnvironmentId);
  const setActive = useAppStore((s) => s.setActiveEnvironment);
  const openEnvironmentTab = useAppStore((s) => s.openEnvironmentTab);
  const canEdit = useCanEdit();
  return (
    <div className="env-selector">
      <label htmlFor={id} className="env-selector-label">
        Environment
      </label>
      <select
        id={id}
        className="select env-selector-select"
        value={activeId ?? ''}
        disabled={isPending}
        onChange={(e) => setActive(e.target.value || null)}
      >
        {isPending && <option value="">Loading…</option>}
        {!isPending && <option value="">No environment</option>}
        {environments?.map((env) => (
          <option key={env.id} value={env.id}>
            {env.name}
          </option>
        ))}
      </select>
      {canEdit && (
        <button
          type="button"
          className="btn btn-sm"
          disabled={!activeId}
          onClick={() => activeId && openEnvironmentTab(activeId)}
        >
          Edit
        </button>
      )}
    </div>
  );
}
