import { useId, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ModalDialog } from '../../lib/modal-dialog.tsx';
import { client, unwrap } from '../../lib/api-client.ts';
import { useAppStore } from '../../store/app-store.ts';
import { useRequestLabel } from '../catalog/use-request-label.ts';
import { collectionsQuery } from './collections-queries.ts';
import { afterSave, createSavedRequest } from './save-request.ts';
import { draftFingerprint, templateFromDraft } from './saved-template.ts';
import { folderOptions } from './tree-model.ts';
import { FormFooter } from '../../lib/form-footer.tsx';

const NEW = '__new__';
export const DEFAULT_COLLECTION_NAME = 'Saved requests';


/** "Save request": choose a collection (or a new one) and folder of the environment, and a name. */
export function SaveDialog({ tabId, environmentId, onClose }: { tabId: string; environmentId: string; onClose: () => void }) {
  const queryClient = useQueryClient();
  const draft = useAppStore((s) => s.drafts[tabId]);
  const { data: collections, isPending } = useQuery(collectionsQuery(environmentId));
  // A name nobody gave yet: the tab's own (the catalog operation's name, else the path).
  const label = useRequestLabel(draft);
  const [name, setName] = useState(() => (draft ? label.title : ''));
  const [collectionId, setCollectionId] = useState<string>('');
  const [newName, setNewName] = useState(DEFAULT_COLLECTION_NAME);
  const [folderId, setFolderId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const ids = { name: useId(), collection: useId(), newName: useId(), folder: useId() };

  // Until the user picks, the first collection is the target (a new one when there is none).
  const chosen = collectionId || collections?.[0]?.id || NEW;
  const target = collections?.find((c) => c.id === chosen);
  const folders = target ? folderOptions(target) : [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft || saving) return;
    if (name.trim() === '') return setError('Give the request a name.');
    if (chosen === NEW && newName.trim() === '') return setError('Give the new collection a name.');
    setSaving(true);
    setError(null);
    const sent = draftFingerprint(draft);
    try {
      const destination =
        chosen === NEW
          ? (await unwrap(client.api.environments[':id'].collections.$post({ param: { id: environmentId }, json: { name: newName.trim() } }))).id
          : chosen;
      const view = await createSavedRequest({
        collectionId: destination,
        folderId: chosen === NEW ? null : folderId || null,
        name: name.trim(),
        request: templateFromDraft(draft),
      });
      afterSave(queryClient, tabId, environmentId, view, sent);
      const s = useAppStore.getState();
      s.setTreeExpanded(destination, true);
      if (view.folderId) s.setTreeExpanded(view.folderId, true);
      onClose();
    } catch (err) {
      // The dialog stays open with everything typed; the tab's draft was never touched.
      setError(`Not saved: ${(err as Error).message}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <ModalDialog title="Save request" onClose={onClose} className="save-dialog">
      <form className="form-stack" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor={ids.name} className="field-label">Name</label>
          <input id={ids.name} className="input" value={name} onChange={(e) => setName(e.target.value)} autoFocus maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor={ids.collection} className="field-label">Collection</label>
          <select
            id={ids.collection}
            className="select"
            value={chosen}
            disabled={isPending}
            onChange={(e) => {
              setCollectionId(e.target.value);
              setFolderId('');
            }}
          >
            {collections?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
            <option value={NEW}>New collection…</option>
          </select>
        </div>
        {chosen === NEW ? (
          <div className="field">
            <label htmlFor={ids.newName} className="field-label">New collection name</label>
            <input id={ids.newName} className="input" value={newName} onChange={(e) => setNewName(e.target.value)} maxLength={200} />
          </div>
        ) : (
          <div className="field">
            <label htmlFor={ids.folder} className="field-label">Folder</label>
            <select id={ids.folder} className="select" value={folderId} onChange={(e) => setFolderId(e.target.value)}>
              <option value="">Top level of the collection</option>
              {folders.map((f) => (
                <option key={f.id} value={f.id}>
                  {`${'\u00a0\u00a0'.repeat(f.depth)}${f.name}`}
                </option>
              ))}
            </select>
          </div>
        )}
        <p className="muted form-hint">Saved on the explorer server in this environment’s collections. Secrets and tokens are never stored in a request.</p>
        <FormFooter error={error} onCancel={onClose} submitLabel={saving ? 'Saving…' : 'Save'} disabled={saving || !draft} />
      </form>
    </ModalDialog>
  );
}
