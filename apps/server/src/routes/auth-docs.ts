import type { RouteDoc } from '../openapi/route-doc.ts';
import { meSchema, signInSchema } from './auth.ts';

const tag = 'Auth';

/** The sign-in routes (routes/auth.ts) for `/api/openapi.json`. */
export const AUTH_DOCS: RouteDoc[] = [
  { method: 'post', path: '/api/auth/sign-in', operationId: 'signIn', tag, summary: 'Sign in with the access (editor) or viewer password', description: 'Sets an HttpOnly, SameSite=Strict session cookie. Five attempts per client address and minute, then 429 `rate_limited` with `Retry-After`. Without a configured password it answers `authRequired: false` and sets nothing.', body: signInSchema, responses: { 200: { description: 'Signed in', schema: meSchema } }, errors: [401, 429] },
  { method: 'post', path: '/api/auth/sign-out', operationId: 'signOut', tag, summary: 'End this session and clear its cookie', responses: { 204: { description: 'Signed out', schema: null } } },
  { method: 'get', path: '/api/auth/me', operationId: 'getMe', tag, summary: 'The signed-in role (401 when sign-in is needed)', responses: { 200: { description: 'Who you are', schema: meSchema } }, errors: [401] },
];
