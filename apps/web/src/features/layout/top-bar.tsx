import { SessionBadge } from '../auth/index.ts';
import { EnvironmentSelector } from '../environments/environment-selector.tsx';
import { ThemeToggle } from './theme-toggle.tsx';

export function TopBar() {
  return (
    <header className="top-bar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">K</span>
        <span className="brand-name">Kinde API Explorer</span>
      </div>
      <div className="top-bar-actions">
        <EnvironmentSelector />
        <ThemeToggle />
        <SessionBadge />
      </div>
    </header>
  );
}
