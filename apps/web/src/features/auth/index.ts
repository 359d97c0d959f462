export { AuthGate } from './auth-gate.tsx';
export { SessionBadge } from './session-badge.tsx';
export { useCanEdit, useRole } from './use-role.ts';
