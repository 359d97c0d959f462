import { EnvironmentList } from '../environments/environment-list.tsx';
import { CatalogPanel } from '../catalog/catalog-panel.tsx';
import { SharesPanel } from '../share/shares-panel.tsx';

/**
 * The left column: one section per area. Environments now; collections, the API catalog and
 * history join as further sections below.
 */
export function Sidebar() {
  return (
    <nav className="sidebar" aria-label="Sidebar">
      <EnvironmentList />
      <CatalogPanel />
      <SharesPanel />
    </nav>
  );
}
