import { useAppStore } from '../../store/app-store.ts';
import type { ThemePreference } from '../../store/ui-slice.ts';
import { useResolvedTheme } from '../../lib/theme.ts';

const NEXT: Record<ThemePreference, ThemePreference> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<ThemePreference, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** Cycles system → light → dark; the label says what is shown now. */
export function ThemeToggle() {
  const theme = useAppStore((s) => s.theme);
  const setTheme = useAppStore((s) => s.setTheme);
  const resolved = useResolvedTheme();
  return (
    <button
      type="button"
      className="btn btn-ghost btn-sm theme-toggle"
      aria-label={`Theme: ${LABEL[theme]}. Switch to ${LABEL[NEXT[theme]]}`}
      title={`Theme: ${LABEL[theme]} (click for ${LABEL[NEXT[theme]]})`}
      onClick={() => setTheme(NEXT[theme])}
    >
      <span aria-hidden="true">{resolved === 'dark' ? '☾' : '☀'}</span>
      <span>{LABEL[theme]}</span>
    </button>
  );
}
