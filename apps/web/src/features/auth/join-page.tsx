import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { inviteQuery, statusQuery, useAcceptInvite } from './auth-queries.ts';
import { KindeButton, OrDivider } from './kinde-button.tsx';
import { AuthError, AuthField } from './auth-field.tsx';
import { AuthCard } from './sign-in-page.tsx';
import { useNewPassword } from './use-new-password.ts';

/** `/join#<token>`: the token stays after `#`, so it never reaches a server log or a Referer. */
export function inviteTokenFromLocation(location: Pick<Location, 'pathname' | 'hash'>): string | null {
  if (location.pathname !== '/join') return null;
  return location.hash.replace(/^#/, '');
}

/** Joining by a one-time invite link: shows who invited whom as what, then name and password. */
export function JoinPage({ token, onJoined }: { token: string; onJoined: () => void }) {
  const invite = useQuery(inviteQuery(token));
  const accept = useAcceptInvite();
  const kinde = useQuery(statusQuery()).data?.kinde === true;
  const [name, setName] = useState('');
  const { password, setPassword, repeat, setRepeat, mismatch, ready: passwordReady } = useNewPassword();
  const ready = name.trim() && passwordReady;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (ready) accept.mutate({ token, name, password }, { onSuccess: onJoined });
  };
  if (invite.isPending) return <p className="auth-loading">Checking the invite…</p>;
  if (invite.isError) {
    return (
      <AuthCard title="This invite cannot be used" note={invite.error.message} onSubmit={(e) => e.preventDefault()}>
        <a className="btn" href="/">
          Go to sign-in
        </a>
      </AuthCard>
    );
  }
  const { email, role, invitedBy, expiresAt } = invite.data;
  return (
    <AuthCard
      title="Join the team"
      onSubmit={submit}
      note={`${invitedBy ?? 'The owner'} invited ${email} as ${role === 'owner' ? 'an owner' : `an ${role}`}. The link works once, until ${new Date(expiresAt).toLocaleString()}.`}
    >
      <AuthField id="join-email" label="Email" type="email" autoComplete="username" value={email} onChange={() => {}} readOnly />
      {kinde && (
        <>
          <KindeButton label="Join with Kinde" invite={token} />
          <p className="sign-in-hint">Sign in to Kinde as {email}; from then on you sign in with Kinde.</p>
          <OrDivider />
        </>
      )}
      <AuthField id="join-name" label="Your name" autoComplete="name" autoFocus={!kinde} value={name} onChange={setName} />
      <AuthField id="join-password" label="Choose a password" type="password" autoComplete="new-password" hint="At least 10 characters." value={password} onChange={setPassword} />
      <AuthField id="join-repeat" label="Repeat the password" type="password" autoComplete="new-password" value={repeat} onChange={setRepeat} />
      <AuthError message={mismatch ? 'The two passwords differ.' : accept.isError ? accept.error.message : null} />
      <button type="submit" className="btn btn-primary" disabled={!ready || accept.isPending}>
        {accept.isPending ? 'Joining…' : 'Join'}
      </button>
    </AuthCard>
  );
}
