import { useSyncExternalStore } from 'react';

type Toast = { id: number; text: string; tone: 'info' | 'error' };

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

/** A short message at the bottom of the screen, read out by screen readers, gone after a few seconds. */
export function showToast(text: string, tone: Toast['tone'] = 'info'): void {
  const toast = { id: nextId++, text, tone };
  toasts = [...toasts.slice(-2), toast];
  emit();
  window.setTimeout(() => {
    toasts = toasts.filter((t) => t !== toast);
    emit();
  }, 4000);
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function Toasts() {
  const list = useSyncExternalStore(subscribe, () => toasts);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {list.map((t) => (
        <div key={t.id} className={`toast toast-${t.tone}`}>
          {t.text}
        </div>
      ))}
    </div>
  );
}
