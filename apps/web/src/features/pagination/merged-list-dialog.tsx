import { useEffect, useId, useMemo, useRef } from 'react';
import { LazyCodeEditor } from '../../lib/monaco/lazy-code-editor.tsx';
import { saveFile } from '../response-viewer/save-file.ts';
import type { FetchAllResult } from './fetch-all.ts';
import { mergedDocument } from './pages.ts';

/** The list merged from every page, read-only, with copy and save. */
export function MergedListDialog({ tabId, result, onClose }: { tabId: string; result: FetchAllResult; onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const text = useMemo(() => mergedDocument(result.key, result.list), [result]);
  const noun = result.key ?? 'items';

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog ref={dialogRef} className="merged-dialog" aria-labelledby={titleId} onClose={onClose} onCancel={onClose}>
      <div className="merged-header">
        <h2 id={titleId}>
          {result.items} {noun} from {result.pages} page{result.pages === 1 ? '' : 's'}
        </h2>
        <div className="merged-actions">
          <button type="button" className="btn btn-sm" onClick={() => void navigator.clipboard.writeText(text)}>
            Copy
          </button>
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => saveFile(text, `kinde-${noun}-all-pages.json`, 'application/json')}
          >
            Save to file
          </button>
          <button type="button" className="icon-btn" aria-label="Close" onClick={() => dialogRef.current?.close()}>
            ×
          </button>
        </div>
      </div>
      <div className="merged-body">
        <LazyCodeEditor readOnly language="json" path={`merged-${tabId}.json`} ariaLabel="Merged list" value={text} />
      </div>
    </dialog>
  );
}
