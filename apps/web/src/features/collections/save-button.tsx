import { useAppStore } from '../../store/app-store.ts';
import { useCanEdit } from '../auth/index.ts';
import { useCommandHandler } from '../command-palette/command-registry.ts';
import { showToast } from '../command-palette/toast.tsx';
import { ConflictDialog } from './conflict-dialog.tsx';
import { SaveDialog } from './save-dialog.tsx';
import { useSavedTab } from './use-saved-tab.ts';
import { useSaveTab } from './use-save-tab.ts';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * "Save" in the request bar; also what Ctrl/Cmd+S and the palette's "Save request" run (through
 * the 'request.save' command, which the active tab's button registers).
 */
export function SaveButton({ tabId }: { tabId: string }) {
  const environmentId = useAppStore((s) => s.activeEnvironmentId);
  const canEdit = useCanEdit();
  const { saved, dirty } = useSavedTab(tabId);
  const { dialog, setDialog, save, reload, saving } = useSaveTab(tabId);

  const run = () => {
    if (!canEdit) return showToast('Viewers cannot save requests: ask an editor, or copy the request into a new tab.', 'error');
    if (!saved && !environmentId) return showToast('Choose an environment first: saved requests belong to one.', 'error');
    void save();
  };
  useCommandHandler('request.save', run);

  const label = saved ? (dirty ? `Save changes to ${saved.name}` : `Saved as ${saved.name}`) : 'Save request';
  const shortcut = isMac ? '⌘S' : 'Ctrl+S';
  return (
    <>
      <button
        type="button"
        className={`btn save-btn ${dirty ? 'save-btn-dirty' : ''}`}
        onClick={run}
        disabled={saving || !canEdit}
        aria-label={label}
        aria-keyshortcuts="Control+S Meta+S"
        title={`${label} (${shortcut})`}
      >
        {saving ? 'Saving…' : 'Save'}
        {dirty && <span className="save-dot" aria-hidden="true" />}
      </button>
      {dialog?.kind === 'new' && environmentId && (
        <SaveDialog tabId={tabId} environmentId={environmentId} onClose={() => setDialog(null)} />
      )}
      {(dialog?.kind === 'conflict' || dialog?.kind === 'gone') && (
        <ConflictDialog
          kind={dialog.kind}
          name={saved?.name ?? 'This request'}
          busy={saving}
          onOverwrite={() => void save({ overwrite: true })}
          onReload={() => void reload()}
          onSaveAsNew={() => {
            useAppStore.getState().bindSavedTab(tabId, null);
            setDialog({ kind: 'new' });
          }}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
}
