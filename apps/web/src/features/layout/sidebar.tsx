import { EnvironmentList } from '../environments/environment-list.tsx';
import { CatalogPanel } from '../catalog/catalog-panel.tsx';
import { SharesPanel } from '../share/shares-panel.tsx';
import { CollectionsPanel } from '../collections/collections-panel.tsx';
import { HistoryPanel } from '../history/history-panel.tsx';

/**
 * The left column: one section per area. Environments now; collections, the API catalog and
 * history join as further sections below.
 */
export function Sidebar() {
  return (
    <nav className="sidebar" aria-label="Sidebar">
      <EnvironmentList />
      <CollectionsPanel />
      <CatalogPanel />
      <HistoryPanel />
      <SharesPanel />
    </nav>
  );
}
