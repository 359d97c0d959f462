export { createAuthService, type AuthMode, type AuthService, type SignInResult } from './auth-service.ts';
export { hasRole, roleSchema, type Role } from './roles.ts';
export { accessFor, ROUTE_POLICY, type Access } from './route-policy.ts';
export { VIEWER_VIEWS } from './viewer-views.ts';
export { SESSION_IDLE_MS, SESSION_MAX_MS, type Session } from './session-store.ts';
export { SIGN_IN_LIMITS } from './sign-in-limits.ts';
