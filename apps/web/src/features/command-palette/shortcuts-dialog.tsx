import { ModalDialog } from '../../lib/modal-dialog.tsx';
import { useAppStore } from '../../store/app-store.ts';
import { SHORTCUTS } from './shortcuts.ts';

/** "?": the documented shortcuts, and why new/close tab are not Ctrl+T/W. */
export function ShortcutsDialog() {
  const setOpen = useAppStore((s) => s.setShortcutsOpen);
  return (
    <ModalDialog title="Keyboard shortcuts" className="shortcuts-dialog" onClose={() => setOpen(false)}>
      <table className="shortcuts-table">
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Keys</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.id}>
              <td>{s.action}</td>
              <td>
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && <span className="muted"> or </span>}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted shortcuts-note">
        Browsers keep Ctrl/⌘+T, +W and +N for their own tabs and windows, so the explorer’s tabs use Alt+T (or Ctrl/⌘+Alt+N)
        and Alt+W. In the request list and tabs, the arrow keys move and Enter opens.
      </p>
    </ModalDialog>
  );
}
