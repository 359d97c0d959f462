import { useState } from 'react';
import { useLatestSend } from '../request-editor/send-request.ts';
import { useAppStore } from '../../store/app-store.ts';
import { draftTitle } from '../../lib/core-request-draft.ts';
import { useCommandHandler } from '../command-palette/command-registry.ts';
import { ShareDialog } from './share-dialog.tsx';
import './share.css';

/**
 * "Share" in the response toolbar. It shares the answer as the server sent it (not the masked view):
 * the server masks again when asked and redacts secrets before storing.
 */
export function ShareButton({ tabId }: { tabId: string }) {
  const latest = useLatestSend(tabId);
  const draft = useAppStore((s) => s.drafts[tabId]);
  const [open, setOpen] = useState(false);
  const sent = latest.status === 'success' ? latest : null;
  useCommandHandler('response.share', () => setOpen(true), Boolean(sent));
  if (!sent?.data || !sent.variables) return null;
  return (
    <>
      <button type="button" className="btn btn-sm" onClick={() => setOpen(true)} title="Share a read-only link to this request and response">
        Share
      </button>
      {open && (
        <ShareDialog
          environmentId={sent.variables.environmentId}
          request={sent.variables.request}
          result={sent.data}
          defaultTitle={draft ? draftTitle(draft) : `${sent.variables.request.method} request`}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
