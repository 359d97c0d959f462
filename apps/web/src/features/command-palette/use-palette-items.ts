import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useAppStore } from '../../store/app-store.ts';
import type { ThemePreference } from '../../store/ui-slice.ts';
import { environmentsQuery } from '../environments/environment-queries.ts';
import { catalogQuery } from '../catalog/catalog-queries.ts';
import { buildSearchIndex, search } from '../catalog/core-catalog.ts';
import { useOpenOperation } from '../catalog/use-open-operation.ts';
import { hasCommand, runCommand } from './command-registry.ts';
import { matchItems, type PaletteItem } from './match-items.ts';
import type { PaletteMode } from './palette-slice.ts';
import { collectionsQuery, flattenSavedRequests, openSavedRequest } from './saved-requests.ts';
import { shortcutLabel } from './shortcuts.ts';

const NEXT_THEME: Record<ThemePreference, ThemePreference> = { system: 'light', light: 'dark', dark: 'system' };
const OPERATION_LIMIT = 30;
const EMPTY_QUERY_LIMIT = 8;

export interface PaletteGroup {
  name: PaletteItem['group'];
  items: PaletteItem[];
}

/** What the palette lists for a query: actions, environments, saved requests and catalog operations. */
export function usePaletteItems(mode: PaletteMode, query: string): PaletteGroup[] {
  const s = useAppStore();
  const { data: environments } = useQuery(environmentsQuery());
  const { data: operations } = useQuery({ ...catalogQuery(), enabled: mode === 'all' });
  const { data: collections } = useQuery({ ...collectionsQuery(s.activeEnvironmentId ?? ''), enabled: mode === 'all' && s.activeEnvironmentId !== null });
  const { open: openOperation } = useOpenOperation();
  const index = useMemo(() => (operations ? buildSearchIndex(operations) : null), [operations]);

  const activeTab = s.tabs.find((t) => t.id === s.activeTabId);
  const onRequestTab = activeTab?.kind === 'request';

  const environmentItems: PaletteItem[] = (environments ?? []).map((env) => ({
    id: `env-${env.id}`,
    group: 'Environments',
    label: env.name,
    detail: env.id === s.activeEnvironmentId ? 'in use' : 'use this environment',
    keywords: 'environment switch',
    run: () => s.setActiveEnvironment(env.id),
  }));
  if (mode === 'environments') return [{ name: 'Environments', items: matchItems(environmentItems, query) }];

  const actions: PaletteItem[] = [
    ...(onRequestTab && hasCommand('request.send') ? [{ id: 'send', label: 'Send request', shortcut: shortcutLabel('send'), keywords: 'run execute', run: () => runCommand('request.send') }] : []),
    ...(onRequestTab && hasCommand('request.save') ? [{ id: 'save', label: 'Save request', shortcut: shortcutLabel('save'), keywords: 'collection store', run: () => runCommand('request.save') }] : []),
    ...(hasCommand('request.code') ? [{ id: 'code', label: 'Show code snippet', keywords: 'curl python node go java php ruby swift csharp objc export', run: () => runCommand('request.code') }] : []),
    ...(hasCommand('response.share') ? [{ id: 'share', label: 'Share response as a link', keywords: 'link teammate snapshot', run: () => runCommand('response.share') }] : []),
    { id: 'new-tab', label: 'New request tab', shortcut: shortcutLabel('newTab'), keywords: 'open add', run: () => s.openRequestTab() },
    ...(activeTab ? [{ id: 'close-tab', label: 'Close tab', shortcut: shortcutLabel('closeTab'), run: () => s.closeTab(activeTab.id) }] : []),
    { id: 'switch-env', label: 'Switch environment…', shortcut: shortcutLabel('switchEnvironment'), keywords: 'environment change', run: () => s.openPalette('environments') },
    { id: 'theme', label: `Toggle theme (now ${s.theme})`, keywords: 'dark light appearance', run: () => s.setTheme(NEXT_THEME[s.theme]) },
    { id: 'presentation', label: s.presentationMode ? 'Leave presentation mode' : 'Presentation mode', keywords: 'demo toggle present larger hide values screen', run: () => s.setPresentationMode(!s.presentationMode) },
    { id: 'mask', label: s.maskPersonalData ? 'Stop masking personal data' : 'Mask personal data in responses', keywords: 'demo toggle email names phone privacy', run: () => s.setMaskPersonalData(!s.maskPersonalData) },
    { id: 'new-env', label: 'New environment', keywords: 'create add', run: () => s.openEnvironmentTab(null) },
    { id: 'shortcuts', label: 'Keyboard shortcuts', shortcut: shortcutLabel('help'), keywords: 'help keys', run: () => s.setShortcutsOpen(true) },
  ].map((a) => ({ ...a, group: 'Actions' as const }));

  const saved: PaletteItem[] = flattenSavedRequests(collections ?? []).map((r) => ({
    id: `saved-${r.requestId}`,
    group: 'Saved requests',
    label: r.name,
    detail: r.collectionName,
    method: r.method,
    keywords: r.url,
    run: () => void openSavedRequest(r, s.activeEnvironmentId!),
  }));

  const empty = query.trim() === '';
  const ops: PaletteItem[] =
    index && !empty
      ? search(index, query, OPERATION_LIMIT).map((op) => ({
          id: `op-${op.operationId}`,
          group: 'Operations',
          label: op.summary || op.operationId,
          detail: op.path,
          method: op.method,
          run: () => void openOperation(op),
        }))
      : [];

  const groups: PaletteGroup[] = [
    { name: 'Actions', items: matchItems(actions, query) },
    { name: 'Saved requests', items: matchItems(saved, query).slice(0, empty ? EMPTY_QUERY_LIMIT : undefined) },
    { name: 'Operations', items: ops },
    { name: 'Environments', items: matchItems(environmentItems, query) },
  ];
  return groups.filter((g) => g.items.length > 0);
}
