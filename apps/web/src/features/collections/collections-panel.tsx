import { lazy, Suspense, useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useAppStore } from '../../store/app-store.ts';
import { useCanEdit } from '../auth/index.ts';
import { showToast } from '../command-palette/toast.tsx';
import { setSavedRequestOpener } from '../command-palette/saved-requests.ts';
import { environmentsQuery } from '../environments/environment-queries.ts';
import { SidebarSection } from '../layout/sidebar-section.tsx';
import { downloadEnvironment } from '../import-export/export-file.ts';
import { collectionsQuery, useCollectionMutations, type CollectionView } from './collections-queries.ts';
import { CollectionTree } from './collection-tree.tsx';
import { CopyDialog } from './copy-dialog.tsx';
import { ItemMenu } from './item-menu.tsx';
import { NameDialog } from './name-dialog.tsx';
import { openSavedRequest } from './open-saved-request.ts';
import { ScriptsDialog } from './scripts-dialog.tsx';
import type { ScriptsTarget } from './scripts-model.ts';
import { useReopenClosedTab } from './use-reopen-closed-tab.ts';
import { useTreeActions, type NamePrompt } from './use-tree-actions.ts';
import './collections.css';

// Loaded when first opened: it is not needed for the first screen.
const ImportDialog = lazy(() => import('../import-export/import-dialog.tsx').then((m) => ({ default: m.ImportDialog })));

/** The sidebar's collections of the environment in use: switching the environment switches them. */
export function CollectionsPanel() {
  const environmentId = useAppStore((s) => s.activeEnvironmentId);
  const { data: environments } = useQuery(environmentsQuery());
  const environment = environments?.find((e) => e.id === environmentId);
  const canEdit = useCanEdit();
  const { data: collections, isPending, error, refetch } = useQuery({ ...collectionsQuery(environmentId ?? ''), enabled: environmentId !== null });
  const { createCollection } = useCollectionMutations(environmentId ?? '');
  const [prompt, setPrompt] = useState<NamePrompt | null>(null);
  const [copying, setCopying] = useState<CollectionView | null>(null);
  const [scripts, setScripts] = useState<ScriptsTarget | null>(null);
  const [importing, setImporting] = useState(false);
  const [more, setMore] = useState<{ x: number; y: number } | null>(null);
  const [announcement, setAnnouncement] = useState('');

  useReopenClosedTab();
  // The command palette's saved requests open bound to their tab, like a click in the tree.
  useEffect(() => {
    setSavedRequestOpener((item) => openSavedRequest(item));
    return () => setSavedRequestOpener(null);
  }, []);

  const actions = useTreeActions({
    environmentId: environmentId ?? '',
    collections: collections ?? [],
    canEdit,
    promptName: setPrompt,
    openCopy: setCopying,
    openScripts: setScripts,
    announce: setAnnouncement,
  });

  const newCollection = () =>
    setPrompt({
      title: 'New collection',
      label: 'Collection name',
      initial: 'New collection',
      submitLabel: 'Create',
      submit: async (name) => {
        const created = await createCollection.mutateAsync(name);
        useAppStore.getState().setTreeExpanded(created.id, true);
      },
    });

  const exportEnvironment = () => {
    if (!environment) return;
    void downloadEnvironment(environment.id, environment.name)
      .then((file) => showToast(`Downloaded ${file}. Secret values (client_secret …) are left empty: fill them in after importing.`, 'info', { durationMs: 8000 }))
      .catch((e: Error) => showToast(`Could not export “${environment.name}”: ${e.message}`, 'error'));
  };

  const headerActions = (
    <>
      {canEdit && (
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => setImporting(true)} title="Import a Postman collection or environment, an OpenAPI document or a cURL command">
          Import
        </button>
      )}
      {canEdit && environmentId && (
        <button type="button" className="icon-btn" aria-label="New collection" title="New collection" onClick={newCollection}>
          +
        </button>
      )}
      {canEdit && environmentId && (
        <button
          type="button"
          className="icon-btn"
          aria-label="More collection actions"
          aria-haspopup="menu"
          aria-expanded={more !== null}
          onClick={(e) => {
            const r = e.currentTarget.getBoundingClientRect();
            setMore({ x: r.left, y: r.bottom + 2 });
          }}
        >
          ⋯
        </button>
      )}
    </>
  );

  return (
    <SidebarSection title="Collections" actions={headerActions}>
      {!environmentId && <p className="sidebar-note">Choose an environment: collections belong to one.</p>}
      {environmentId && isPending && <p className="sidebar-note">Loading…</p>}
      {error && (
        <div className="sidebar-note" role="alert">
          <p>Could not load collections: {error.message}</p>
          <button type="button" className="btn btn-sm" onClick={() => void refetch()}>
            Retry
          </button>
        </div>
      )}
      {collections && collections.length === 0 && (
        <p className="sidebar-note">
          No collections in {environment?.name ?? 'this environment'} yet. {canEdit ? 'Import a Postman collection, create one with +, or save a tab with Ctrl+S.' : ''}
        </p>
      )}
      {collections && collections.length > 0 && (
        <CollectionTree label={`Collections of ${environment?.name ?? 'the environment'}`} collections={collections} actions={actions} canEdit={canEdit} />
      )}
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
      {prompt && (
        <NameDialog
          title={prompt.title}
          label={prompt.label}
          initial={prompt.initial}
          submitLabel={prompt.submitLabel}
          onSubmit={prompt.submit}
          onClose={() => setPrompt(null)}
        />
      )}
      {copying && <CopyDialog collection={copying} onClose={() => setCopying(null)} />}
      {scripts && environmentId && <ScriptsDialog environmentId={environmentId} target={scripts} readOnly={!canEdit} onClose={() => setScripts(null)} />}
      {importing && (
        <Suspense fallback={null}>
          <ImportDialog environmentId={environmentId} environmentName={environment?.name ?? 'this environment'} onClose={() => setImporting(false)} />
        </Suspense>
      )}
      {more && (
        <ItemMenu
          label="More collection actions"
          at={more}
          actions={[
            { label: 'Import…', run: () => setImporting(true) },
            { label: 'Export environment (Postman JSON, no secrets)', run: exportEnvironment },
          ]}
          onClose={() => setMore(null)}
        />
      )}
    </SidebarSection>
  );
}
