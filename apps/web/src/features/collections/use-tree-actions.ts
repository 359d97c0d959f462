import { useQueryClient } from '@tanstack/react-query';
import { useAppStore } from '../../store/app-store.ts';
import { showToast } from '../command-palette/toast.tsx';
import { newDraft } from '../../lib/core-request-draft.ts';
import { downloadCollection } from '../import-export/export-file.ts';
import { useCollectionMutations, type CollectionView } from './collections-queries.ts';
import { deleteWithUndo } from './delete-with-undo.ts';
import type { MenuAction } from './item-menu.tsx';
import { openSavedRequest } from './open-saved-request.ts';
import { targetIn, type ScriptsTarget } from './scripts-model.ts';
import { templateFromDraft } from './saved-template.ts';
import { createSavedRequest } from './save-request.ts';
import { collectionDrop, collectionStep, dropMove, stepMove, type DropPlacement, type TreeRow } from './tree-model.ts';

/** A name prompt the panel shows in a dialog. */
export interface NamePrompt {
  title: string;
  label: string;
  initial: string;
  submitLabel: string;
  submit: (name: string) => Promise<unknown>;
}

interface TreeActionDeps {
  environmentId: string;
  collections: readonly CollectionView[];
  canEdit: boolean;
  promptName: (prompt: NamePrompt) => void;
  openCopy: (collection: CollectionView) => void;
  /** Opens the scripts dialog of a collection or folder. */
  openScripts: (target: ScriptsTarget) => void;
  /** Polite screen-reader message (moves, for example). */
  announce: (text: string) => void;
}

/** What each tree row can do: open, rename, delete with undo, duplicate, copy/move, scripts, export, reorder. */
export function useTreeActions({ environmentId, collections, canEdit, promptName, openCopy, openScripts, announce }: TreeActionDeps) {
  const queryClient = useQueryClient();
  const m = useCollectionMutations(environmentId);
  const expand = (id: string) => useAppStore.getState().setTreeExpanded(id, true);
  const collectionOf = (row: TreeRow) => collections.find((c) => c.id === row.collectionId);

  const open = (row: TreeRow) => {
    if (row.kind === 'request') void openSavedRequest({ environmentId, collectionId: row.collectionId, requestId: row.id, name: row.name });
    else useAppStore.getState().setTreeExpanded(row.id, !row.expanded);
  };

  const rename = (row: TreeRow) => {
    if (!canEdit) return;
    promptName({
      title: `Rename ${row.kind}`,
      label: 'Name',
      initial: row.name,
      submitLabel: 'Rename',
      submit: async (name) => {
        if (row.kind === 'collection') await m.renameCollection.mutateAsync({ id: row.id, name });
        else if (row.kind === 'folder') await m.renameFolder.mutateAsync({ collectionId: row.collectionId, folderId: row.id, name });
        else {
          const view = await m.renameRequest.mutateAsync({ collectionId: row.collectionId, requestId: row.id, name });
          // Open tabs show the new name and keep saving into it (rename changes updatedAt).
          const s = useAppStore.getState();
          for (const [tabId, saved] of Object.entries(s.savedTabs)) {
            if (saved.requestId === row.id) s.bindSavedTab(tabId, { ...saved, name: view.name, updatedAt: view.updatedAt });
          }
        }
      },
    });
  };

  const remove = (row: TreeRow) => {
    if (!canEdit) return;
    const target =
      row.kind === 'collection'
        ? { kind: 'collection' as const, collectionId: row.id, name: row.name }
        : row.kind === 'folder'
          ? { kind: 'folder' as const, collectionId: row.collectionId, folderId: row.id, name: row.name }
          : { kind: 'request' as const, collectionId: row.collectionId, requestId: row.id, name: row.name };
    void deleteWithUndo(queryClient, environmentId, target);
  };

  const newFolder = (row: TreeRow) =>
    promptName({
      title: 'New folder',
      label: 'Folder name',
      initial: 'New folder',
      submitLabel: 'Create',
      submit: async (name) => {
        const folder = await m.createFolder.mutateAsync({ collectionId: row.collectionId, name, parentId: row.kind === 'folder' ? row.id : null });
        expand(row.id);
        expand(folder.id);
      },
    });

  const newRequest = (row: TreeRow) =>
    promptName({
      title: 'New request',
      label: 'Request name',
      initial: 'New request',
      submitLabel: 'Create',
      submit: async (name) => {
        const view = await createSavedRequest({
          collectionId: row.collectionId,
          folderId: row.kind === 'folder' ? row.id : null,
          name,
          request: templateFromDraft(newDraft()),
        });
        expand(row.id);
        await queryClient.invalidateQueries({ queryKey: ['collections', environmentId] });
        await openSavedRequest({ environmentId, collectionId: view.collectionId, requestId: view.id, name: view.name });
      },
    });

  /** The Runner of a collection or folder; its tab is named after the path it runs. */
  const openRunner = (row: TreeRow) => {
    const collection = collectionOf(row);
    const name = row.kind === 'collection' || !collection ? row.name : `${collection.name} / ${row.name}`;
    useAppStore.getState().openRunnerTab({ collectionId: row.collectionId, folderId: row.kind === 'folder' ? row.id : null, name, environmentId });
  };

  const scripts = (row: TreeRow) => {
    const collection = collectionOf(row);
    const target = collection && targetIn(collection, row.kind === 'folder' ? row.id : undefined);
    if (target) openScripts(target);
  };

  const exportCollection = (row: TreeRow) =>
    void downloadCollection(row.id, row.name)
      .then((file) => showToast(`Downloaded ${file} (Postman Collection v2.1, no secrets).`))
      .catch((e: Error) => showToast(`Could not export “${row.name}”: ${e.message}`, 'error'));

  const move = (row: TreeRow, delta: -1 | 1) => {
    if (!canEdit) return;
    if (row.kind === 'collection') {
      const step = collectionStep(collections, row.id, delta);
      if (!step) return announce(`${row.name} is already ${delta < 0 ? 'first' : 'last'}.`);
      m.reorderCollections.mutate(step, {
        onSuccess: () => announce(`Moved ${row.name} to position ${step.position + 1} of ${collections.length}.`),
        onError: (e) => showToast(`Could not move “${row.name}”: ${e.message}`, 'error'),
      });
      return;
    }
    const collection = collectionOf(row);
    const item = collection && stepMove(collection, row, delta);
    if (!item) return announce(`${row.name} is already ${delta < 0 ? 'first' : 'last'} in its folder.`);
    m.reorderItems.mutate(
      { collectionId: row.collectionId, item },
      {
        onSuccess: () => announce(`Moved ${row.name} to position ${item.position + 1} of ${row.setsize}.`),
        onError: (e) => showToast(`Could not move “${row.name}”: ${e.message}`, 'error'),
      },
    );
  };

  /** Whether `dragged` may land on `target` there (drives the drop indicator). */
  const canDrop = (dragged: TreeRow, target: TreeRow, placement: DropPlacement): boolean => {
    if (dragged.kind === 'collection') return target.kind === 'collection' && placement !== 'inside' ? collectionDrop(collections, dragged.id, target.id, placement) !== null : false;
    const collection = collectionOf(target);
    return Boolean(collection && dropMove(collection, dragged, target, placement));
  };

  const drop = (dragged: TreeRow, target: TreeRow, placement: DropPlacement) => {
    if (!canEdit) return;
    if (dragged.kind === 'collection') {
      if (placement === 'inside') return;
      const to = collectionDrop(collections, dragged.id, target.id, placement);
      if (to) m.reorderCollections.mutate(to, { onError: (e) => showToast(`Could not move “${dragged.name}”: ${e.message}`, 'error') });
      return;
    }
    const collection = collectionOf(target);
    const item = collection && dropMove(collection, dragged, target, placement);
    if (!item) return;
    if (placement === 'inside') expand(target.id);
    m.reorderItems.mutate({ collectionId: target.collectionId, item }, { onError: (e) => showToast(`Could not move “${dragged.name}”: ${e.message}`, 'error') });
  };

  const actionsFor = (row: TreeRow): MenuAction[] => {
    const edit = canEdit;
    if (row.kind === 'request') {
      return [
        { label: 'Open', run: () => open(row) },
        ...(edit ? [{ label: 'Rename…', run: () => rename(row) }, { label: 'Delete', run: () => remove(row), danger: true }] : []),
      ];
    }
    const containerActions: MenuAction[] = edit
      ? [
          { label: 'New request…', run: () => newRequest(row) },
          { label: 'New folder…', run: () => newFolder(row) },
          { label: 'Rename…', run: () => rename(row) },
        ]
      : [];
    const runAction: MenuAction = { label: row.kind === 'folder' ? 'Run folder…' : 'Run collection…', run: () => openRunner(row) };
    const scriptsAction: MenuAction = { label: edit ? 'Scripts…' : 'View scripts…', run: () => scripts(row) };
    if (row.kind === 'folder') return [runAction, ...containerActions, scriptsAction, ...(edit ? [{ label: 'Delete', run: () => remove(row), danger: true }] : [])];
    const collection = collectionOf(row);
    return [
      runAction,
      ...containerActions,
      scriptsAction,
      ...(edit
        ? [
            {
              label: 'Duplicate',
              run: () =>
                m.duplicateCollection.mutate(row.id, {
                  onSuccess: (copy) => showToast(`Duplicated as “${copy.name}”.`),
                  onError: (e) => showToast(`Could not duplicate “${row.name}”: ${e.message}`, 'error'),
                }),
            },
            ...(collection ? [{ label: 'Copy or move to environment…', run: () => openCopy(collection) }] : []),
          ]
        : []),
      { label: 'Export (Postman v2.1 JSON)', run: () => exportCollection(row) },
      ...(edit ? [{ label: 'Delete', run: () => remove(row), danger: true }] : []),
    ];
  };

  return { open, rename, remove, move, canDrop, drop, actionsFor };
}
