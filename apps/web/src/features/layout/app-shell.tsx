import { lazy, Suspense, useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useAppStore } from '../../store/app-store.ts';
import { useCanEdit } from '../auth/index.ts';
import { environmentsQuery } from '../environments/environment-queries.ts';
import { EnvironmentEditor } from '../environments/environment-editor.tsx';
import { preloadCodeEditor } from '../../lib/monaco/lazy-code-editor.tsx';
import { TopBar } from './top-bar.tsx';
import { Sidebar } from './sidebar.tsx';
import { SidebarResizer } from './sidebar-resizer.tsx';
import { TabBar } from './tab-bar.tsx';
import { RequestWorkspace } from './request-workspace.tsx';
import { EmptyWorkspace } from './empty-workspace.tsx';
import './layout.css';

// The Runner is opened from the collection tree; its code loads on first use.
const RunnerView = lazy(() => import('../runner/runner-view.tsx').then((m) => ({ default: m.RunnerView })));

/** Prefer the sandbox a newcomer is told to pick, else the first environment. */
function useDefaultEnvironment() {
  const { data: environments } = useQuery(environmentsQuery());
  const activeId = useAppStore((s) => s.activeEnvironmentId);
  const setActive = useAppStore((s) => s.setActiveEnvironment);
  useEffect(() => {
    if (!environments) return;
    if (activeId && environments.some((e) => e.id === activeId)) return;
    const preferred = environments.find((e) => e.name === 'Kinde sandbox') ?? environments[0];
    setActive(preferred?.id ?? null);
  }, [environments, activeId, setActive]);
}

export function AppShell() {
  useDefaultEnvironment();
  const tabs = useAppStore((s) => s.tabs);
  const activeTabId = useAppStore((s) => s.activeTabId);
  const openRequestTab = useAppStore((s) => s.openRequestTab);
  const active = tabs.find((t) => t.id === activeTabId) ?? null;
  const canEdit = useCanEdit();
  const sidebarWidth = useAppStore((s) => s.sidebarWidth);

  // A first visit opens the ready-made "list users" request.
  useEffect(() => {
    if (useAppStore.getState().tabs.length === 0) openRequestTab();
    // Fetch Monaco once the first screen is up, so the body editor opens instantly later.
    const idle = window.requestIdleCallback?.(() => preloadCodeEditor(), { timeout: 3000 });
    return () => {
      if (idle !== undefined) window.cancelIdleCallback?.(idle);
    };
  }, [openRequestTab]);

  return (
    <div className="app-shell" style={{ gridTemplateColumns: `${sidebarWidth}px minmax(0, 1fr)` }}>
      <TopBar />
      <Sidebar />
      <SidebarResizer />
      <main className="workspace" aria-label="Workspace">
        <TabBar />
        <div
          className="tab-panel"
          role="tabpanel"
          id={active ? `panel-${active.id}` : undefined}
          aria-labelledby={active ? `tab-${active.id}` : undefined}
        >
          {active?.kind === 'request' && <RequestWorkspace key={active.id} tabId={active.id} />}
          {active?.kind === 'runner' && (
            <Suspense fallback={<p className="sidebar-note">Loading the runner…</p>}>
              <RunnerView key={active.id} tab={active} />
            </Suspense>
          )}
          {active?.kind === 'environment' && !canEdit && <p className="sidebar-note">Viewers cannot see or edit environments.</p>}
          {active?.kind === 'environment' && canEdit && (
            <EnvironmentEditor key={active.id} tabId={active.id} environmentId={active.environmentId} />
          )}
          {!active && <EmptyWorkspace />}
        </div>
      </main>
    </div>
  );
}
