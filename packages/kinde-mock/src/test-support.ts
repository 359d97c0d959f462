import { beforeAll, beforeEach } from 'vitest';
import { createSandboxApp, type SandboxApp } from './app.ts';

/** Test helper: a form-encoded token request against app.request() (origin http://localhost). */
export function tokenRequest(fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  };
}

export const GOOD_FIELDS = {
  grant_type: 'client_credentials',
  client_id: 'sandbox_m2m_client',
  client_secret: 'sandbox_m2m_secret',
  audience: 'http://localhost/api',
} as const;

/** Test helper: GET/POST/... with a bearer token, JSON body when given. */
export function call(sandbox: SandboxApp, token: string, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return sandbox.app.request(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
}

/**
 * Test helper for a describe block: a fresh sandbox with an all-scopes token, its seed data
 * restored before each test, and `req()` answering `{ status, body }` with the body parsed as JSON.
 */
export function sandboxJsonClient() {
  let sandbox: SandboxApp;
  let token: string;
  beforeAll(async () => {
    sandbox = createSandboxApp();
    token = await sandbox.issueToken();
  });
  beforeEach(() => sandbox.reset());
  return {
    get sandbox(): SandboxApp {
      return sandbox;
    },
    async req(method: string, path: string, body?: unknown) {
      const res = await call(sandbox, token, method, path, body);
      // Loose typing: tests read response bodies field by field.
      return { status: res.status, body: (await res.json()) as Record<string, any> };
    },
  };
}
