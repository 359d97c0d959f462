import { useCallback, useId, useRef, useState } from 'react';
import { useOutsideClick } from '../../lib/use-outside-click.ts';
import { useAppStore } from '../../store/app-store.ts';
import './demo.css';

/**
 * "Demo" in the top bar: presentation mode (larger type, environment values hidden) and masking
 * of personal data in responses, for showing the API on a shared screen.
 */
export function DemoMenu() {
  const presenting = useAppStore((s) => s.presentationMode);
  const masking = useAppStore((s) => s.maskPersonalData);
  const setPresenting = useAppStore((s) => s.setPresentationMode);
  const setMasking = useAppStore((s) => s.setMaskPersonalData);
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useOutsideClick(rootRef, open, useCallback(() => setOpen(false), []));

  const active = presenting || masking;
  // One click engages the whole of demo mode (larger type, values hidden, personal data masked)
  // and one click leaves it; the options next to it turn either part on or off alone.
  const toggle = () => {
    setPresenting(!active);
    setMasking(!active);
    setOpen(false);
  };
  const parts = [presenting ? 'larger type, environment values hidden' : null, masking ? 'personal data masked' : null].filter(Boolean).join('; ');
  return (
    <div
      className={`demo-menu ${active ? 'demo-menu-on' : ''}`}
      ref={rootRef}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          rootRef.current?.querySelector<HTMLButtonElement>('.demo-options')?.focus();
        }
      }}
    >
      <button
        type="button"
        className={`btn btn-sm demo-trigger ${active ? 'demo-active' : ''}`}
        aria-pressed={active}
        aria-label={active ? 'Demo on: click to exit' : 'Demo'}
        title={active ? `Demo is on (${parts}). Click to leave demo mode.` : 'Demo mode: larger type, environment values hidden, personal data masked'}
        onClick={toggle}
      >
        <span aria-hidden="true" className={active ? 'demo-dot' : undefined}>{active ? '' : '▶'}</span>
        {active ? 'Demo on' : 'Demo'}
        {active && <span className="demo-exit" aria-hidden="true">Exit ×</span>}
      </button>
      <button
        type="button"
        className={`btn btn-sm demo-options ${active ? 'demo-active' : ''}`}
        aria-label="Demo options"
        aria-expanded={open}
        aria-controls={menuId}
        title="Demo options"
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="demo-popover" id={menuId} role="group" aria-label="Demo mode">
          <label className="demo-switch">
            <input type="checkbox" role="switch" checked={presenting} onChange={(e) => setPresenting(e.target.checked)} />
            <span>
              <strong>Presentation mode</strong>
              <span className="muted">Larger type; every environment value shown as ••••</span>
            </span>
          </label>
          <label className="demo-switch">
            <input type="checkbox" role="switch" checked={masking} onChange={(e) => setMasking(e.target.checked)} />
            <span>
              <strong>Mask personal data</strong>
              <span className="muted">Emails, names, phone numbers and pictures in responses, e.g. a••••@example.com</span>
            </span>
          </label>
        </div>
      )}
    </div>
  );
}
