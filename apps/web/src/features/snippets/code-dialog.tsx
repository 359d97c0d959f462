import type { RequestTemplate } from '@kinde-explorer/core';
import { ModalDialog } from '../../lib/modal-dialog.tsx';
import { SnippetPanel } from './snippet-panel.tsx';

/** "Code snippet" for the request of the active tab. */
export function CodeDialog({ environmentId, request, collectionId, onClose }: { environmentId: string; request: RequestTemplate; collectionId?: string; onClose: () => void }) {
  return (
    <ModalDialog title="Code snippet" className="snippet-dialog" onClose={onClose}>
      <SnippetPanel source={{ kind: 'request', environmentId, request, collectionId }} />
    </ModalDialog>
  );
}
