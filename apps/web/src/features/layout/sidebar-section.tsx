import { useId, useState, type ReactNode } from 'react';

interface SidebarSectionProps {
  title: string;
  /** Buttons shown on the section header, e.g. "New". */
  actions?: ReactNode;
  children: ReactNode;
}

/** A collapsible sidebar group with a heading; every sidebar area uses one. */
export function SidebarSection({ title, actions, children }: SidebarSectionProps) {
  const [open, setOpen] = useState(true);
  const bodyId = useId();
  return (
    <section className="sidebar-section" aria-label={title}>
      <div className="sidebar-section-header">
        <button
          type="button"
          className="sidebar-section-toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen(!open)}
        >
          <span className="caret" aria-hidden="true">{open ? '▾' : '▸'}</span>
          <h2>{title}</h2>
        </button>
        <div className="sidebar-section-actions">{actions}</div>
      </div>
      <div id={bodyId} hidden={!open} className="sidebar-section-body">
        {children}
      </div>
    </section>
  );
}
