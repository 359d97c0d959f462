import { useEffect, useSyncExternalStore } from 'react';
import { useAppStore } from '../store/app-store.ts';

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

function subscribe(onChange: () => void) {
  const query = darkQuery();
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** The theme actually shown: the user's choice, or the system's when they chose "system". */
export function useResolvedTheme(): 'light' | 'dark' {
  const preference = useAppStore((s) => s.theme);
  const systemDark = useSyncExternalStore(subscribe, () => darkQuery().matches, () => false);
  if (preference === 'system') return systemDark ? 'dark' : 'light';
  return preference;
}

/** Keeps `<html data-theme>` in step with the store (CSS variables hang off it). */
export function useApplyTheme(): void {
  const preference = useAppStore((s) => s.theme);
  useEffect(() => {
    const root = document.documentElement;
    if (preference === 'system') delete root.dataset.theme;
    else root.dataset.theme = preference;
  }, [preference]);
}
