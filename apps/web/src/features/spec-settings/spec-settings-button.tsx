import { lazy, Suspense, useState } from 'react';

// The dialog is rarely opened: keep it out of the first screen's bundle.
const SpecSettingsDialog = lazy(() => import('./spec-settings-dialog.tsx'));

/** Opens "Kinde spec" settings: an icon on the catalog header, or a button where no spec is loaded. */
export function SpecSettingsButton({ variant = 'icon' }: { variant?: 'icon' | 'button' }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      {variant === 'icon' ? (
        <button type="button" className="icon-btn" aria-label="Kinde spec settings" title="Kinde spec: replace it from a file or URL" onClick={() => setOpen(true)}>
          <span aria-hidden="true">⚙</span>
        </button>
      ) : (
        <button type="button" className="btn btn-sm btn-primary" onClick={() => setOpen(true)}>
          Provide a spec…
        </button>
      )}
      {open && (
        <Suspense fallback={null}>
          <SpecSettingsDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
