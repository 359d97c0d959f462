import { useState } from 'react';
import { AuthGate, inviteTokenFromLocation, JoinPage } from './features/auth/index.ts';
import { AppShell } from './features/layout/app-shell.tsx';
import { useApplyTheme } from './lib/theme.ts';
import { GlobalCommands } from './features/command-palette/global-commands.tsx';
import { useApplyPresentation } from './features/demo/use-demo.ts';
import { SharePage, shareIdFromPath } from './features/share/share-page.tsx';

export function App() {
  useApplyTheme();
  useApplyPresentation();
  // A shared link (/share/<id>) is its own read-only page; the server answers index.html for it.
  const shareId = shareIdFromPath(window.location.pathname);
  // An invite link (/join#<token>) comes before sign-in: the new member has no account yet.
  const [inviteToken, setInviteToken] = useState(() => inviteTokenFromLocation(window.location));
  if (inviteToken !== null) {
    const joined = () => {
      window.history.replaceState(null, '', '/');
      setInviteToken(null);
    };
    return <JoinPage token={inviteToken} onJoined={joined} />;
  }
  return (
    <AuthGate>
      {shareId ? (
        <SharePage shareId={shareId} />
      ) : (
        <>
          <AppShell />
          <GlobalCommands />
        </>
      )}
    </AuthGate>
  );
}
