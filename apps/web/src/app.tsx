import { AuthGate } from './features/auth/index.ts';
import { AppShell } from './features/layout/app-shell.tsx';
import { useApplyTheme } from './lib/theme.ts';

export function App() {
  useApplyTheme();
  return (
    <AuthGate>
      <AppShell />
    </AuthGate>
  );
}
