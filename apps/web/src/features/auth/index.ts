export { AuthGate } from './auth-gate.tsx';
export { JoinPage, inviteTokenFromLocation } from './join-page.tsx';
export { SessionBadge } from './session-badge.tsx';
export { useCanEdit, useIsOwner, useRole } from './use-role.ts';
