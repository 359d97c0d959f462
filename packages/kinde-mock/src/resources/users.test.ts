import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSandboxApp, type SandboxApp } from '../app.ts';
import { call } from '../test-support.ts';

interface UsersPage {
  code: string;
  message: string;
  users: { id: string; email: string; first_name: string; phone: string | null; organizations?: string[] }[];
  next_token?: string;
}

describe('users', () => {
  let sandbox: SandboxApp;
  let token: string;
  beforeAll(async () => {
    sandbox = createSandboxApp();
    token = await sandbox.issueToken();
  });
  beforeEach(() => sandbox.reset());

  const list = async (query: string) => {
    const res = await call(sandbox, token, 'GET', `/api/v1/users${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as UsersPage;
  };

  it('lists seeded users ten at a time with Kinde fields', async () => {
    const page = await list('');
    expect(page.code).toBe('OK');
    expect(page.users).toHaveLength(10);
    expect(page.users[0]).toMatchObject({ first_name: 'Ada', email: 'ada.lovelace@example.com' });
    expect(page.users[0]!.id).toMatch(/^kp_[0-9a-f]{32}$/);
    expect(page.next_token).toEqual(expect.any(String));
  });

  it('walks every user exactly once by following next_token, and omits it on the last page', async () => {
    const seen: string[] = [];
    let next: string | undefined;
    let pages = 0;
    do {
      const page = await list(`?page_size=7${next ? `&next_token=${encodeURIComponent(next)}` : ''}`);
      seen.push(...page.users.map((u) => u.id));
      next = page.next_token;
      pages++;
      if (next === undefined) expect('next_token' in page).toBe(false);
    } while (next);
    expect(seen.length).toBeGreaterThanOrEqual(40);
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil(seen.length / 7));
  });

  it('gives some users phone numbers and all of them example.com emails', async () => {
    const page = await list('?page_size=500');
    expect(page.users.some((u) => u.phone)).toBe(true);
    expect(page.users.every((u) => u.email.endsWith('@example.com'))).toBe(true);
    expect(page.next_token).toBeUndefined();
  });

  it('returns the same data for the same seed and different ids for another', async () => {
    const other = createSandboxApp({ seed: 7 });
    const same = createSandboxApp();
    expect(same.context.store.data.users[0]!.id).toBe(sandbox.context.store.data.users[0]!.id);
    expect(other.context.store.data.users[0]!.id).not.toBe(sandbox.context.store.data.users[0]!.id);
  });

  it('filters by email and expands organizations', async () => {
    const page = await list('?email=alan.turing@example.com&expand=organizations');
    expect(page.users).toHaveLength(1);
    expect(page.users[0]!.organizations?.length).toBeGreaterThan(0);
  });

  it('rejects a bad next_token with a 400 errors body', async () => {
    const res = await call(sandbox, token, 'GET', '/api/v1/users?next_token=garbage');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ errors: [{ code: 'INVALID_NEXT_TOKEN', message: expect.any(String) }] });
  });

  it('creates a user that the list, the filter and GET /user then show', async () => {
    const res = await call(sandbox, token, 'POST', '/api/v1/user', {
      profile: { given_name: 'Mary', family_name: 'Jackson' },
      identities: [{ type: 'email', is_verified: true, details: { email: 'mary.jackson@example.com' } }],
    });
    expect(res.status).toBe(200);
    const created = (await res.json()) as { id: string; created: boolean; identities: unknown[] };
    expect(created).toEqual({ id: expect.stringMatching(/^kp_/), created: true, identities: [{ type: 'email', result: { created: true } }] });

    const all = await list('?page_size=500');
    expect(all.users.at(-1)).toMatchObject({ id: created.id, email: 'mary.jackson@example.com', first_name: 'Mary' });
    const one = await call(sandbox, token, 'GET', `/api/v1/user?id=${created.id}`);
    expect(await one.json()).toMatchObject({ id: created.id, preferred_email: 'mary.jackson@example.com', last_name: 'Jackson' });
  });

  it('refuses invalid and duplicate emails with 400 errors', async () => {
    const bad = await call(sandbox, token, 'POST', '/api/v1/user', { identities: [{ type: 'email', details: { email: 'nope' } }] });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe('INVALID_EMAIL');
    const dup = await call(sandbox, token, 'POST', '/api/v1/user', {
      identities: [{ type: 'email', details: { email: 'ada.lovelace@example.com' } }],
    });
    expect(dup.status).toBe(400);
    const notJson = await sandbox.app.request('/api/v1/user', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{oops',
    });
    expect(notJson.status).toBe(400);
  });

  it('updates and deletes a user; reset() brings the seed back', async () => {
    const id = sandbox.context.store.data.users[1]!.id;
    const patched = await call(sandbox, token, 'PATCH', `/api/v1/user?id=${id}`, { given_name: 'Alan M.', is_suspended: true });
    expect(await patched.json()).toMatchObject({ id, given_name: 'Alan M.', is_suspended: true });
    const deleted = await call(sandbox, token, 'DELETE', `/api/v1/user?id=${id}`);
    expect(await deleted.json()).toEqual({ code: 'OK', message: 'Success' });
    expect((await call(sandbox, token, 'GET', `/api/v1/user?id=${id}`)).status).toBe(400);
    sandbox.reset();
    expect((await call(sandbox, token, 'GET', `/api/v1/user?id=${id}`)).status).toBe(200);
  });
});
