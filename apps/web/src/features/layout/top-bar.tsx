import { SessionBadge } from '../auth/index.ts';
import { EnvironmentSelector } from '../environments/environment-selector.tsx';
import { ThemeToggle } from './theme-toggle.tsx';
import { PaletteButton } from '../command-palette/palette-button.tsx';
import { DemoMenu } from '../demo/demo-menu.tsx';

export function TopBar() {
  return (
    <header className="top-bar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">K</span>
        <span className="brand-name">Kinde API Explorer</span>
      </div>
      <div className="top-bar-actions">
        <PaletteButton />
        <DemoMenu />
        <EnvironmentSelector />
        <ThemeToggle />
        <SessionBadge />
      </div>
    </header>
  );
}
