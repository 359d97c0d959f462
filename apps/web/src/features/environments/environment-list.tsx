import { useQuery } from '@tanstack/react-query';
import { useAppStore } from '../../store/app-store.ts';
import { useCanEdit } from '../auth/index.ts';
import { SidebarSection } from '../layout/sidebar-section.tsx';
import { environmentsQuery } from './environment-queries.ts';

/** The sidebar's environments: open one to edit it; the dot marks the one in use. */
export function EnvironmentList() {
  const { data: environments, isPending, error, refetch } = useQuery(environmentsQuery());
  const activeId = useAppStore((s) => s.activeEnvironmentId);
  const setActive = useAppStore((s) => s.setActiveEnvironment);
  const openEnvironmentTab = useAppStore((s) => s.openEnvironmentTab);
  const activeTab = useAppStore((s) => s.tabs.find((t) => t.id === s.activeTabId));
  const editingId = activeTab?.kind === 'environment' ? activeTab.environmentId : null;
  // Viewers pick an environment but never see or change its variables.
  const canEdit = useCanEdit();

  return (
    <SidebarSection
      title="Environments"
      actions={
        canEdit && (
          <button
            type="button"
            className="icon-btn"
            aria-label="New environment"
            title="New environment"
            onClick={() => openEnvironmentTab(null)}
          >
            +
          </button>
        )
      }
    >
      {isPending && <p className="sidebar-note">Loading…</p>}
      {error && (
        <div className="sidebar-note" role="alert">
          <p>Could not load environments: {error.message}</p>
          <button type="button" className="btn btn-sm" onClick={() => void refetch()}>
            Retry
          </button>
        </div>
      )}
      {environments && environments.length === 0 && (
        <p className="sidebar-note">No environments yet. Create one with your M2M application's credentials.</p>
      )}
      {environments && environments.length > 0 && (
        <ul className="env-list">
          {environments.map((env) => {
            const active = env.id === activeId;
            return (
              <li key={env.id} className={`env-item ${editingId === env.id ? 'env-item-open' : ''}`}>
                <button
                  type="button"
                  className="env-item-name"
                  aria-current={editingId === env.id ? 'page' : undefined}
                  onClick={() => (canEdit ? openEnvironmentTab(env.id) : setActive(env.id))}
                  title={canEdit ? `Edit ${env.name}` : `Use ${env.name}`}
                >
                  <span className={`env-dot ${active ? 'env-dot-active' : ''}`} aria-hidden="true" />
                  <span className="env-item-text">{env.name}</span>
                  {active && <span className="visually-hidden">(in use)</span>}
                </button>
                {!active && (
                  <button
                    type="button"
                    className="btn btn-ghost btn-sm env-use"
                    aria-label={`Use ${env.name}`}
                    onClick={() => setActive(env.id)}
                  >
                    Use
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </SidebarSection>
  );
}
