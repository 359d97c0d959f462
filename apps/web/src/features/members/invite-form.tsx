import { useState, type FormEvent } from 'react';
import type { Role } from '../auth/auth-queries.ts';
import { useCopyText } from '../../lib/use-copy-text.ts';
import { inviteLink, useInvite } from './members-queries.ts';

const EXPIRIES = [
  { hours: 24, label: '1 day' },
  { hours: 72, label: '3 days' },
  { hours: 168, label: '7 days' },
];

/** Invites one person by email with a role; shows the one-time link to copy (it is not shown again). */
export function InviteForm() {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [hours, setHours] = useState(72);
  const { copied, copy: copyText } = useCopyText();
  const invite = useInvite();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (email) invite.mutate({ email, role, expiresInHours: hours }, { onSuccess: () => setEmail('') });
  };
  const link = invite.data ? inviteLink(invite.data.token) : null;
  const copy = async () => {
    if (link) await copyText(link);
  };
  return (
    <form className="invite-form" onSubmit={submit} aria-label="Invite a member">
      <div className="invite-row">
        <label className="invite-field">
          <span>Email</span>
          <input className="input" type="email" placeholder="name@example.com" value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label className="invite-field">
          <span>Role</span>
          <select className="input" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <option value="viewer">Viewer — sees and sends saved requests</option>
            <option value="editor">Editor — changes environments and collections</option>
            <option value="owner">Owner — an editor who manages members</option>
          </select>
        </label>
        <label className="invite-field">
          <span>Link works for</span>
          <select className="input" value={hours} onChange={(e) => setHours(Number(e.target.value))}>
            {EXPIRIES.map((x) => (
              <option key={x.hours} value={x.hours}>
                {x.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn btn-primary" disabled={!email || invite.isPending}>
          {invite.isPending ? 'Inviting…' : 'Create invite link'}
        </button>
      </div>
      {invite.isError && (
        <p className="form-error" role="alert">
          {invite.error.message}
        </p>
      )}
      {invite.data && link && (
        <div className="invite-link" role="status">
          <p>
            Send this link to <strong>{invite.data.invite.email}</strong>. It works once, until {new Date(invite.data.invite.expiresAt).toLocaleString()}, and is not shown
            again.
          </p>
          <div className="invite-link-row">
            <input className="input mono" readOnly value={link} aria-label="Invite link" onFocus={(e) => e.target.select()} />
            <button type="button" className="btn" onClick={() => void copy()}>
              {copied ? 'Copied' : 'Copy link'}
            </button>
          </div>
        </div>
      )}
    </form>
  );
}
