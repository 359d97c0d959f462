import { useAppStore } from '../../store/app-store.ts';
import { RequestEditor } from '../request-editor/request-editor.tsx';
import { useSendRequest } from '../request-editor/send-request.ts';
import { ResponseViewer } from '../response-viewer/response-viewer.tsx';
import { SplitPane } from './split-pane.tsx';
import { OperationBar } from '../catalog/operation-bar.tsx';
import { DocsPanel } from '../docs-panel/docs-panel.tsx';

/** One request tab: the builder above, its latest response below. */
export function RequestWorkspace({ tabId }: { tabId: string }) {
  const ratio = useAppStore((s) => s.splitRatio);
  const setRatio = useAppStore((s) => s.setSplitRatio);
  const sender = useSendRequest(tabId);
  // Catalog tabs add the operation bar (scope check, Docs toggle) above and the docs beside.
  return (
    <div className="operation-workspace">
      <div className="operation-main">
        <OperationBar tabId={tabId} />
        <SplitPane
          ratio={ratio}
          onRatioChange={setRatio}
          label="Resize request and response"
          top={<RequestEditor tabId={tabId} sender={sender} />}
          bottom={<ResponseViewer tabId={tabId} onCancel={sender.cancel} />}
        />
      </div>
      <DocsPanel tabId={tabId} />
    </div>
  );
}
