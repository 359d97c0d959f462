import { useId, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ModalDialog } from '../../lib/modal-dialog.tsx';
import { useAppStore } from '../../store/app-store.ts';
import { showToast } from '../command-palette/toast.tsx';
import { environmentsQuery } from '../environments/environment-queries.ts';
import { useCollectionMutations, type CollectionView } from './collections-queries.ts';
import { FormFooter } from '../../lib/form-footer.tsx';

/** "Copy or move to environment…": a copy gets new ids; a move keeps them, so open tabs still save into it. */
export function CopyDialog({ collection, onClose }: { collection: CollectionView; onClose: () => void }) {
  const { data: environments } = useQuery(environmentsQuery());
  const { copyCollection } = useCollectionMutations(collection.environmentId);
  const targets = (environments ?? []).filter((e) => e.id !== collection.environmentId);
  const [target, setTarget] = useState('');
  const [mode, setMode] = useState<'copy' | 'move'>('copy');
  const [error, setError] = useState<string | null>(null);
  const ids = { env: useId(), mode: useId() };
  const chosen = target || targets[0]?.id || '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    setError(null);
    try {
      await copyCollection.mutateAsync({ id: collection.id, environmentId: chosen, move: mode === 'move' });
      const envName = targets.find((t) => t.id === chosen)?.name ?? 'the other environment';
      // Moving keeps the ids: tabs bound to its requests now belong to the other environment.
      if (mode === 'move') {
        const s = useAppStore.getState();
        for (const [tabId, saved] of Object.entries(s.savedTabs)) {
          if (saved.collectionId === collection.id) s.bindSavedTab(tabId, { ...saved, environmentId: chosen });
        }
      }
      showToast(`${mode === 'move' ? 'Moved' : 'Copied'} “${collection.name}” to ${envName}.`, 'info', {
        action: { label: `Use ${envName}`, run: () => useAppStore.getState().setActiveEnvironment(chosen) },
      });
      onClose();
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <ModalDialog title={`Copy or move “${collection.name}”`} onClose={onClose} className="copy-dialog">
      {targets.length === 0 ? (
        <>
          <p>There is no other environment yet. Create one (Environments → +), then copy this collection to it.</p>
          <div className="form-actions">
            <button type="button" className="btn" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      ) : (
        <form className="form-stack" onSubmit={(e) => void submit(e)}>
          <div className="field">
            <label htmlFor={ids.env} className="field-label">
              To environment
            </label>
            <select id={ids.env} className="select" value={chosen} onChange={(e) => setTarget(e.target.value)} autoFocus>
              {targets.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="radio-group">
            <legend className="field-label">Copy or move</legend>
            <label>
              <input type="radio" name={ids.mode} checked={mode === 'copy'} onChange={() => setMode('copy')} /> Copy (this environment keeps it)
            </label>
            <label>
              <input type="radio" name={ids.mode} checked={mode === 'move'} onChange={() => setMode('move')} /> Move (it leaves this environment)
            </label>
          </fieldset>
          <p className="muted form-hint">Requests keep their {'{{variables}}'}; the target environment supplies the values.</p>
          <FormFooter error={error} onCancel={onClose} submitLabel={mode === 'move' ? 'Move' : 'Copy'} disabled={copyCollection.isPending} />
        </form>
      )}
    </ModalDialog>
  );
}
