import { useSyncExternalStore } from 'react';

type ToastAction = { label: string; run: () => void };
type Toast = { id: number; text: string; tone: 'info' | 'error'; action?: ToastAction };
/** A toast with an action (e.g. "Undo") stays longer, so there is time to reach it. */
export interface ToastOptions {
  action?: ToastAction;
  durationMs?: number;
}

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

/** A short message at the bottom of the screen, read out by screen readers, gone after a few seconds. */
export function showToast(text: string, tone: Toast['tone'] = 'info', options: ToastOptions = {}): void {
  const toast: Toast = { id: nextId++, text, tone, action: options.action };
  toasts = [...toasts.slice(-2), toast];
  emit();
  window.setTimeout(() => dismiss(toast), options.durationMs ?? (options.action ? 10_000 : 4000));
}

function dismiss(toast: Toast): void {
  toasts = toasts.filter((t) => t !== toast);
  emit();
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
          {t.action && (
            <button
              type="button"
              className="toast-action"
              onClick={() => {
                dismiss(t);
                t.action?.run();
              }}
            >
              {t.action.label}
            </button>
          )}
        </div>
      ))}
    </div>
  );
}
