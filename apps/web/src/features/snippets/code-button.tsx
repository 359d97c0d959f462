import { useState } from 'react';
import { useAppStore } from '../../store/app-store.ts';
import { toRequestTemplate } from '../../lib/core-request-draft.ts';
import { useCommandHandler } from '../command-palette/command-registry.ts';
import { CodeDialog } from './code-dialog.tsx';
import { tabCollectionId } from '../collections/use-tab-collection.ts';

/** The "</> Code" button of the request bar: code for this request in Kinde's ten languages. */
export function CodeButton({ tabId }: { tabId: string }) {
  const draft = useAppStore((s) => s.drafts[tabId]);
  const environmentId = useAppStore((s) => s.activeEnvironmentId);
  const [open, setOpen] = useState(false);
  const usable = Boolean(draft && environmentId && draft.url.trim());
  useCommandHandler('request.code', () => setOpen(true), usable);
  return (
    <>
      <button
        type="button"
        className="btn code-btn"
        onClick={() => setOpen(true)}
        disabled={!usable}
        title="Code snippet: cURL, Python, Node.js and 7 more"
        aria-label="Code snippet"
      >
        {'</>'}
      </button>
      {open && draft && environmentId && (
        <CodeDialog environmentId={environmentId} request={toRequestTemplate(draft)} collectionId={tabCollectionId(tabId, environmentId)} onClose={() => setOpen(false)} />
      )}
    </>
  );
}
