import { useRef, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useAppStore } from '../../store/app-store.ts';
import type { Tab } from '../../store/tabs-slice.ts';
import { environmentsQuery } from '../environments/environment-queries.ts';
import { useSavedTab } from '../collections/use-saved-tab.ts';
import { useRequestLabel } from '../catalog/use-request-label.ts';

interface TabLabel {
  method?: string;
  title: string;
  /** The path under a name, and the host when it is not the environment's Kinde domain. */
  detail?: string;
  host?: string | null;
  dirty?: boolean;
}

function useTabLabel(tab: Tab): TabLabel {
  const draft = useAppStore((s) => (tab.kind === 'request' ? s.drafts[tab.id] : undefined));
  // A tab opened from (or saved to) a collection shows the request's name and its unsaved changes.
  const { saved, dirty } = useSavedTab(tab.id);
  // A catalog tab shows its operation's name; any tab shows a host other than the Kinde domain.
  const label = useRequestLabel(draft);
  const { data: environments } = useQuery({ ...environmentsQuery(), enabled: tab.kind === 'environment' });
  if (tab.kind === 'request') {
    if (!draft) return { title: 'Request' };
    const title = saved?.name ?? label.title;
    return { method: draft.method, title, detail: title !== label.path ? label.path : undefined, host: label.host, dirty };
  }
  if (tab.kind === 'runner') return { title: tab.name };
  const env = environments?.find((e) => e.id === tab.environmentId);
  return { title: tab.environmentId ? (env?.name ?? 'Environment') : 'New environment' };
}

function TabButton({ tab, active, onKeyDown }: { tab: Tab; active: boolean; onKeyDown: (e: KeyboardEvent) => void }) {
  const setActiveTab = useAppStore((s) => s.setActiveTab);
  const closeTab = useAppStore((s) => s.closeTab);
  const { method, title, detail, host, dirty } = useTabLabel(tab);
  const name =
    tab.kind === 'environment' ? `Environment: ${title}` : tab.kind === 'runner' ? `Runner: ${title}` : `${method ?? ''} ${title}${host ? ` on ${host}` : ''}`.trim();
  const second = [detail, host].filter(Boolean).join(' · ');
  return (
    <div className={`tab ${active ? 'tab-active' : ''}`} role="presentation">
      <button
        type="button"
        role="tab"
        id={`tab-${tab.id}`}
        aria-selected={active}
        aria-controls={active ? `panel-${tab.id}` : undefined}
        tabIndex={active ? 0 : -1}
        className="tab-button"
        aria-label={name}
        title={second ? `${name}\n${method} ${detail ?? title}` : name}
        onClick={() => setActiveTab(tab.id)}
        onKeyDown={onKeyDown}
        onAuxClick={(e) => {
          if (e.button === 1) closeTab(tab.id);
        }}
      >
        {tab.kind === 'environment' || tab.kind === 'runner' ? (
          <span className="tab-kind" aria-hidden="true">{tab.kind === 'runner' ? 'RUN' : 'ENV'}</span>
        ) : (
          <span className={`tab-method method-${method}`}>{method}</span>
        )}
        <span className="tab-text">
          <span className="tab-title">{title}</span>
          {second && <span className="tab-detail">{second}</span>}
        </span>
        {dirty && <span className="tab-dirty" role="img" aria-label="unsaved changes" title="Unsaved changes (Ctrl/Cmd+S saves)" />}
      </button>
      <button type="button" className="tab-close" aria-label={`Close ${name}`} onClick={() => closeTab(tab.id)}>
        ×
      </button>
    </div>
  );
}

/** Open requests and environments, like browser tabs; arrow keys move between them. */
export function TabBar() {
  const tabs = useAppStore((s) => s.tabs);
  const activeTabId = useAppStore((s) => s.activeTabId);
  const setActiveTab = useAppStore((s) => s.setActiveTab);
  const openRequestTab = useAppStore((s) => s.openRequestTab);
  const listRef = useRef<HTMLDivElement>(null);

  const onKeyDown = (e: KeyboardEvent) => {
    const index = tabs.findIndex((t) => t.id === activeTabId);
    let next = -1;
    if (e.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    const target = tabs[next];
    if (!target) return;
    e.preventDefault();
    setActiveTab(target.id);
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.focus());
  };

  return (
    <div className="tab-bar">
      <div className="tab-list" role="tablist" aria-label="Open tabs" ref={listRef}>
        {tabs.map((tab) => (
          <TabButton key={tab.id} tab={tab} active={tab.id === activeTabId} onKeyDown={onKeyDown} />
        ))}
      </div>
      <button type="button" className="icon-btn new-tab" aria-label="New request" title="New request" onClick={() => openRequestTab()}>
        +
      </button>
    </div>
  );
}
