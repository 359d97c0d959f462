import type { RouteDoc } from '../openapi/route-doc.ts';
import { z } from 'zod';
import { inviteAcceptSchema, inviteTokenSchema, ownerSetupSchema, passwordChangeSchema } from '../services/accounts/index.ts';
import { authModeSchema, meSchema, signInSchema } from './auth.ts';
import { oidcStartSchema } from './oidc.ts';

const statusSchema = z.object({ mode: authModeSchema, needsOwner: z.boolean(), kinde: z.boolean().describe('"Sign in with Kinde" is configured') });
const inviteInfoSchema = z.object({ email: z.string(), role: z.string(), invitedBy: z.string().nullable(), expiresAt: z.string() });
const endedSchema = z.object({ endedSessions: z.number() });

const tag = 'Auth';

/** The sign-in routes (routes/auth.ts) for `/api/openapi.json`. */
export const AUTH_DOCS: RouteDoc[] = [
  { method: 'post', path: '/api/auth/sign-in', operationId: 'signIn', tag, summary: 'Sign in with your email and password (named accounts), or a shared password', description: 'Sets an HttpOnly, SameSite=Strict session cookie. Attempts are counted in the database for every instance: 5 per client address and email a minute, 10 per email and 50 per client address a quarter of an hour (a successful one is given back); then 429 `rate_limited` with `Retry-After`. The client address is the peer’s, or what a proxy in `EXPLORER_TRUSTED_PROXIES` put in `X-Forwarded-For`. Without sign-in it answers `authRequired: false` and sets nothing.', body: signInSchema, responses: { 200: { description: 'Signed in', schema: meSchema } }, errors: [401, 429] },
  { method: 'post', path: '/api/auth/sign-out', operationId: 'signOut', tag, summary: 'End this session and clear its cookie', responses: { 204: { description: 'Signed out', schema: null } } },
  { method: 'get', path: '/api/auth/status', operationId: 'getSignInMode', tag, summary: 'How this server signs people in, and whether it still needs an owner', responses: { 200: { description: 'The mode', schema: statusSchema } } },
  { method: 'post', path: '/api/auth/setup', operationId: 'createOwner', tag, summary: 'Create the first owner with the set-up code the server printed at start', description: 'Only while no account exists; signs the new owner in.', body: ownerSetupSchema, responses: { 201: { description: 'Owner created and signed in', schema: meSchema } }, errors: [409, 429] },
  { method: 'post', path: '/api/auth/invite/inspect', operationId: 'inspectInvite', tag, summary: 'What an invite link offers (email, role, who invited)', body: z.object({ token: inviteTokenSchema }), responses: { 200: { description: 'A usable invite', schema: inviteInfoSchema } }, errors: [404, 410] },
  { method: 'post', path: '/api/auth/invite/accept', operationId: 'acceptInvite', tag, summary: 'Join by an invite link: spends it and signs the new member in', body: inviteAcceptSchema, responses: { 201: { description: 'Joined and signed in', schema: meSchema } }, errors: [404, 409, 410] },
  { method: 'post', path: '/api/auth/password', operationId: 'changePassword', tag, summary: 'Change your password; your other sessions end', body: passwordChangeSchema, responses: { 200: { description: 'Changed', schema: endedSchema } }, errors: [401, 409] },
  { method: 'post', path: '/api/auth/sign-out-everywhere', operationId: 'signOutEverywhere', tag, summary: 'End every session of your account, this one included', responses: { 200: { description: 'Signed out everywhere', schema: endedSchema } }, errors: [401, 409] },
  { method: 'post', path: '/api/auth/oidc/start', operationId: 'startKindeSignIn', tag, summary: 'Start "Sign in with Kinde": the Kinde URL to open', description: 'Keeps the state, PKCE verifier and nonce on the server (10 minutes, single use) and sets a short-lived HttpOnly SameSite=Lax cookie binding the login to this browser. With `invite`, the Kinde user joins by that invite link. 404 when Kinde sign-in is not configured, 502 `upstream_unreachable` when Kinde cannot be reached, 429 `rate_limited` (with `Retry-After`) after 60 starts a minute from one address.', body: oidcStartSchema, responses: { 200: { description: 'Open this URL in the browser', schema: z.object({ url: z.string() }) } }, errors: [404, 429, 502] },
  { method: 'get', path: '/api/auth/oidc/callback', operationId: 'finishKindeSignIn', tag, summary: 'Where Kinde sends the browser back (code and state)', description: 'Exchanges the code, validates the ID token, signs the Kinde user in as the account with the same email (or joins them by their invite), sets the session cookie and redirects to `/` (303). Otherwise an HTML page says what went wrong: cancelled, not invited, expired, Kinde unreachable, ….', responses: { 303: { description: 'Signed in: to the app', schema: null } }, errors: [400, 403, 502] },
  { method: 'get', path: '/api/auth/me', operationId: 'getMe', tag, summary: 'The signed-in role (401 when sign-in is needed)', responses: { 200: { description: 'Who you are', schema: meSchema } }, errors: [401] },
];
