import type { RouteDoc } from '../openapi/route-doc.ts';
import { z } from 'zod';
import { inviteAcceptSchema, inviteTokenSchema, ownerSetupSchema, passwordChangeSchema } from '../services/accounts/index.ts';
import { authModeSchema, meSchema, signInSchema } from './auth.ts';

const statusSchema = z.object({ mode: authModeSchema, needsOwner: z.boolean() });
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
  { method: 'get', path: '/api/auth/me', operationId: 'getMe', tag, summary: 'The signed-in role (401 when sign-in is needed)', responses: { 200: { description: 'Who you are', schema: meSchema } }, errors: [401] },
];
