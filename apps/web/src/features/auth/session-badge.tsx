import { lazy, Suspense, useCallback, useId, useRef, useState } from 'react';
import { useOutsideClick } from '../../lib/use-outside-click.ts';
import { useQuery } from '@tanstack/react-query';
import { meQuery, useSignOut, useSignOutEverywhere } from './auth-queries.ts';
import { PasswordDialog } from './password-dialog.tsx';

// Owners only: loaded when first opened.
const MembersDialog = lazy(() => import('../members/members-dialog.tsx').then((m) => ({ default: m.MembersDialog })));
const AuditDialog = lazy(() => import('../audit/audit-dialog.tsx').then((m) => ({ default: m.AuditDialog })));

type Panel = 'members' | 'audit' | 'password' | null;

/**
 * Who is signed in, in the top bar: name (or the shared role) and role, with a menu to sign out,
 * sign out everywhere and change the password; owners also open Members and the Audit log.
 * Nothing when the server runs without sign-in.
 */
export function SessionBadge() {
  const { data } = useQuery(meQuery());
  const signOut = useSignOut();
  const everywhere = useSignOutEverywhere();
  const [open, setOpen] = useState(false);
  const [panel, setPanel] = useState<Panel>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  useOutsideClick(rootRef, open, useCallback(() => setOpen(false), []));

  if (!data?.signedIn || !data.authRequired) return null;
  const { role, account } = data;
  const pick = (p: Panel) => {
    setOpen(false);
    setPanel(p);
  };
  return (
    <div className="session-badge" ref={rootRef} onKeyDown={(e) => e.key === 'Escape' && open && (e.stopPropagation(), setOpen(false))}>
      <button type="button" className="btn btn-sm btn-ghost account-trigger" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen(!open)}>
        <span className="account-name">{account ? account.name : 'Shared password'}</span>
        <span className={`role-chip role-${role}`} title={role === 'viewer' ? 'You can send saved requests but not change environments or collections.' : undefined}>
          {role}
        </span>
      </button>
      {open && (
        <div className="account-menu" id={menuId} role="menu" aria-label="Account">
          {account && <p className="account-email">{account.email}</p>}
          {role === 'owner' && (
            <>
              <button type="button" role="menuitem" className="account-item" onClick={() => pick('members')}>
                Members…
              </button>
              <button type="button" role="menuitem" className="account-item" onClick={() => pick('audit')}>
                Audit log…
              </button>
            </>
          )}
          {account && (
            <>
              <button type="button" role="menuitem" className="account-item" onClick={() => pick('password')}>
                Change password…
              </button>
              <button type="button" role="menuitem" className="account-item" disabled={everywhere.isPending} onClick={() => everywhere.mutate()}>
                Sign out everywhere
              </button>
            </>
          )}
          <button type="button" role="menuitem" className="account-item" disabled={signOut.isPending} onClick={() => signOut.mutate()}>
            Sign out
          </button>
          {everywhere.isError && (
            <p className="sign-in-error" role="alert">
              {everywhere.error.message}
            </p>
          )}
        </div>
      )}
      <Suspense fallback={null}>
        {panel === 'members' && <MembersDialog onClose={() => setPanel(null)} />}
        {panel === 'audit' && <AuditDialog onClose={() => setPanel(null)} />}
      </Suspense>
      {panel === 'password' && <PasswordDialog onClose={() => setPanel(null)} />}
    </div>
  );
}
