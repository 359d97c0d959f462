import { useSyncExternalStore } from 'react';
import { useAppStore } from '../../store/app-store.ts';
import { DOCS_OPEN_MIN_WIDTH } from './catalog-slice.ts';

const wide = `(min-width: ${DOCS_OPEN_MIN_WIDTH}px)`;
const subscribe = (onChange: () => void) => {
  const query = window.matchMedia(wide);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};

/** Whether docs show: the user's choice, else open on wide windows and collapsed on narrow ones. */
export function useDocsOpen(): boolean {
  const chosen = useAppStore((s) => s.docsOpen);
  const isWide = useSyncExternalStore(subscribe, () => window.matchMedia(wide).matches);
  return chosen ?? isWide;
}
