import { lazy, Suspense } from 'react';
import { useAppStore } from '../../store/app-store.ts';
import { useDocsOpen } from '../catalog/use-docs-open.ts';
import './docs-panel.css';

// marked and DOMPurify are only needed once docs are shown: keep them out of the first screen.
const DocsPanelContent = lazy(() => import('./docs-panel-content.tsx'));

/** The operation's documentation beside the builder of a catalog tab; hidden with the Docs toggle. */
export function DocsPanel({ tabId }: { tabId: string }) {
  const operationId = useAppStore((s) => s.drafts[tabId]?.operationId ?? null);
  const open = useDocsOpen();
  if (!operationId || !open) return null;
  return (
    <Suspense fallback={<aside className="docs-panel" aria-label="Operation docs" aria-busy="true" />}>
      <DocsPanelContent operationId={operationId} />
    </Suspense>
  );
}
