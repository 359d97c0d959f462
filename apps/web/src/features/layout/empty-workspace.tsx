import { useAppStore } from '../../store/app-store.ts';

export function EmptyWorkspace() {
  const openRequestTab = useAppStore((s) => s.openRequestTab);
  return (
    <div className="empty-workspace">
      <h2>No request open</h2>
      <p className="muted">Start with a request to the selected environment.</p>
      <button type="button" className="btn btn-primary" onClick={() => openRequestTab()}>
        New request
      </button>
    </div>
  );
}
