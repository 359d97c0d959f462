import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ModalDialog } from '../../lib/modal-dialog.tsx';
import { meQuery, type Role } from '../auth/auth-queries.ts';
import { InviteForm } from './invite-form.tsx';
import { membersQuery, useChangeRole, useRemoveMember, useRevokeInvite, type Invite, type Member } from './members-queries.ts';
import './members.css';

function MemberRow({ member, self }: { member: Member; self: boolean }) {
  const changeRole = useChangeRole();
  const remove = useRemoveMember();
  const [confirming, setConfirming] = useState(false);
  const error = changeRole.error ?? remove.error;
  return (
    <tr>
      <td>
        <strong>{member.name}</strong>
        {self && <span className="muted"> (you)</span>}
        <div className="muted">{member.email}</div>
      </td>
      <td>
        <select
          className="input input-sm"
          aria-label={`Role of ${member.email}`}
          value={member.role}
          disabled={self || changeRole.isPending}
          onChange={(e) => changeRole.mutate({ id: member.id, role: e.target.value as Role })}
        >
          <option value="viewer">viewer</option>
          <option value="editor">editor</option>
          <option value="owner">owner</option>
        </select>
      </td>
      <td className="muted">{new Date(member.createdAt).toLocaleDateString()}</td>
      <td className="members-actions">
        {!self && (
          <button
            type="button"
            className={`btn btn-sm ${confirming ? 'btn-danger' : 'btn-ghost'}`}
            aria-label={confirming ? `Confirm: remove ${member.email}` : `Remove ${member.email}`}
            disabled={remove.isPending}
            onClick={() => (confirming ? remove.mutate(member.id) : setConfirming(true))}
            onBlur={() => setConfirming(false)}
          >
            {confirming ? 'Remove and sign out?' : 'Remove'}
          </button>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error.message}
          </p>
        )}
      </td>
    </tr>
  );
}

function InviteRow({ invite }: { invite: Invite }) {
  const revoke = useRevokeInvite();
  return (
    <tr>
      <td>{invite.email}</td>
      <td>{invite.role}</td>
      <td>
        <span className={`invite-state invite-${invite.state}`}>{invite.state}</span>
        <div className="muted">
          {invite.state === 'pending' ? `until ${new Date(invite.expiresAt).toLocaleString()}` : `sent ${new Date(invite.createdAt).toLocaleDateString()}`}
        </div>
      </td>
      <td className="members-actions">
        {invite.state === 'pending' && (
          <button type="button" className="btn btn-sm btn-ghost" aria-label={`Withdraw the invite for ${invite.email}`} disabled={revoke.isPending} onClick={() => revoke.mutate(invite.id)}>
            Withdraw
          </button>
        )}
        {revoke.error && (
          <p className="form-error" role="alert">
            {revoke.error.message}
          </p>
        )}
      </td>
    </tr>
  );
}

/** Members (owners only): who is in, their roles, invites by one-time link; removal signs them out at once. */
export function MembersDialog({ onClose }: { onClose: () => void }) {
  const members = useQuery(membersQuery());
  const { data: me } = useQuery(meQuery());
  const selfId = me?.signedIn ? me.account?.id : undefined;
  return (
    <ModalDialog title="Members" onClose={onClose} className="members-dialog">
      <InviteForm />
      {members.isError && (
        <p className="form-error" role="alert">
          Could not load the members: {members.error.message}
        </p>
      )}
      {members.data && (
        <>
          <table className="members-table" aria-label="Members">
            <thead>
              <tr>
                <th>Member</th>
                <th>Role</th>
                <th>Joined</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {members.data.members.map((m) => (
                <MemberRow key={m.id} member={m} self={m.id === selfId} />
              ))}
            </tbody>
          </table>
          {members.data.invites.length > 0 && (
            <>
              <h3 className="members-heading">Invites</h3>
              <table className="members-table" aria-label="Invites">
                <thead>
                  <tr>
                    <th>Email</th>
                    <th>Role</th>
                    <th>State</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {members.data.invites.map((i) => (
                    <InviteRow key={i.id} invite={i} />
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
    </ModalDialog>
  );
}
