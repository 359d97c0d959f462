import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '@kinde-explorer/kinde-mock';
import { createTestApp, type TestApp } from '../testing/create-test-app.ts';
import { describeEachEngine } from '../testing/engines.ts';

const scryptCost = { N: 1024, r: 8, p: 1 };
const OWNER = { email: 'olive@example.com', password: 'owner-password-1' };
const WEB = { clientId: 'explorer_web_app', clientSecret: 'canary-oidc-secret-5e2c' };

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, spec: null, rateLimit: null, webClient: { ...WEB, redirectUris: ['http://127.0.0.1:8787/api/auth/oidc/callback'] } });
});
afterAll(() => sandbox.close());

const oidcEnv = (over: Record<string, string> = {}) => ({
  EXPLORER_OWNER_EMAIL: OWNER.email,
  EXPLORER_OWNER_PASSWORD: OWNER.password,
  EXPLORER_OIDC_ISSUER: sandbox.url,
  EXPLORER_OIDC_CLIENT_ID: WEB.clientId,
  EXPLORER_OIDC_CLIENT_SECRET: WEB.clientSecret,
  ...over,
});
const cookieNamed = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith(`${name}=`) && c.length > name.length + 1);

/** Starts on `t`, signs in on the sandbox's page with `answer`, and returns Kinde's redirect back (path + query) and the login cookie. */
async function throughKinde(t: TestApp, answer: Record<string, string>, start: Record<string, string> = {}) {
  const res = await t.request('/api/auth/oidc/start', { method: 'POST', json: start });
  expect(res.status).toBe(200);
  const { url } = (await res.json()) as { url: string };
  const kindeUrl = new URL(url);
  expect(kindeUrl.origin + kindeUrl.pathname).toBe(`${sandbox.url}/oauth2/auth`);
  expect(kindeUrl.searchParams.get('code_challenge_method')).toBe('S256');
  const loginCookie = cookieNamed(res, 'explorer_kinde_login')!;
  expect(res.headers.getSetCookie().join()).toMatch(/explorer_kinde_login=[^;]+;.*HttpOnly.*SameSite=Lax/i);
  const page = await (await fetch(url)).text();
  const requestId = /name="request_id" value="([^"]+)"/.exec(page)![1]!;
  const back = await fetch(`${sandbox.url}/oauth2/auth/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ request_id: requestId, ...answer }).toString(),
  });
  const location = new URL(back.headers.get('location')!);
  expect(location.origin + location.pathname).toBe('http://127.0.0.1:8787/api/auth/oidc/callback');
  return { callback: location.pathname + location.search, loginCookie };
}

const withEmail = (email: string) => ({ action: 'email', email });

describeEachEngine('sign in with Kinde, against the sandbox on a port', (engine) => {
  let t: TestApp;
  afterEach(() => t.close());
  const start = async (env: Record<string, string> = {}, auth: object = {}) => {
    t = await createTestApp({ engine, env: oidcEnv(env), auth: { scryptCost, ...auth } });
  };
  const callback = (path: string, cookie?: string) => t.request(path, cookie ? { headers: { cookie } } : {});
  const as = (cookie: string) => (path: string, init: RequestInit & { json?: unknown } = {}) =>
    t.request(path, { ...init, headers: { ...(init.headers as Record<string, string>), cookie } });
  const ownerCookie = async () => {
    const res = await t.request('/api/auth/sign-in', { method: 'POST', json: OWNER });
    return cookieNamed(res, 'explorer_session')!;
  };
  const auditLines = async () => {
    const { events } = (await (await as(await ownerCookie())('/api/audit?limit=500')).json()) as {
      events: { action: string; outcome: string; actor: { email: string | null }; target: string | null; detail: Record<string, unknown> }[];
    };
    return events.map((e) => `${e.actor.email ?? '-'} ${e.action} ${e.outcome} ${e.target ?? ''} ${JSON.stringify(e.detail)}`);
  };

  it('signs the owner in as their account: the same Strict session cookie as a password, then / ; audited as method kinde', async () => {
    await start();
    expect(await (await t.request('/api/auth/status')).json()).toMatchObject({ mode: 'accounts', kinde: true });
    const { callback: path, loginCookie } = await throughKinde(t, withEmail(OWNER.email));
    const res = await callback(path, loginCookie);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    expect(res.headers.getSetCookie().join()).toMatch(/explorer_session=[^;]+;.*HttpOnly.*SameSite=Strict/i);
    const session = cookieNamed(res, 'explorer_session')!;
    expect(await (await as(session)('/api/auth/me')).json()).toMatchObject({ role: 'owner', account: { email: OWNER.email } });
    expect(await auditLines()).toContain(`${OWNER.email} auth.sign_in success  {"method":"kinde"}`);
    // The client secret is in no log line.
    expect(t.logLines.join('\n')).not.toContain(WEB.clientSecret);
  });

  it('refuses an email without an account or invite with a page that says whom to ask, and creates nothing', async () => {
    await start();
    const { callback: path, loginCookie } = await throughKinde(t, withEmail('stranger@example.com'));
    const res = await callback(path, loginCookie);
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie().join()).not.toContain('explorer_session=');
    const page = await res.text();
    expect(page).toContain('Ask an owner to invite stranger@example.com');
    expect(page).toContain('href="/"');
    const members = (await (await as(await ownerCookie())('/api/members')).json()) as { members: { email: string }[] };
    expect(members.members.map((m) => m.email)).toEqual([OWNER.email]);
    expect(await auditLines()).toContain('- auth.sign_in failure stranger@example.com {"method":"kinde","reason":"not_invited"}');
  });

  it('lets an invited person join by signing in with Kinde, from the sign-in page or their invite link; the account has no password', async () => {
    await start();
    const owner = await ownerCookie();
    const invite = async (email: string, role: string) => {
      const res = await as(owner)('/api/members/invites', { method: 'POST', json: { email, role } });
      expect(res.status).toBe(201);
      return ((await res.json()) as { token: string }).token;
    };
    await invite('ed@example.com', 'editor');
    const first = await throughKinde(t, withEmail('Ed@Example.com'));
    const joined = await callback(first.callback, first.loginCookie);
    expect(joined.status).toBe(303);
    expect(await (await as(cookieNamed(joined, 'explorer_session')!)('/api/auth/me')).json()).toMatchObject({ role: 'editor', account: { email: 'ed@example.com' } });

    const token = await invite('vi@example.com', 'viewer');
    const byLink = await throughKinde(t, withEmail('vi@example.com'), { invite: token });
    const viewer = cookieNamed(await callback(byLink.callback, byLink.loginCookie), 'explorer_session')!;
    expect(await (await as(viewer)('/api/auth/me')).json()).toMatchObject({ role: 'viewer' });
    // The link is spent; the account signs in with Kinde only.
    expect((await t.request('/api/auth/invite/inspect', { method: 'POST', json: { token } })).status).toBe(410);
    expect((await t.request('/api/auth/sign-in', { method: 'POST', json: { email: 'vi@example.com', password: '!kinde' } })).status).toBe(401);
    const change = await as(viewer)('/api/auth/password', { method: 'POST', json: { currentPassword: 'anything-at-all', newPassword: 'a-new-password-1' } });
    expect(change.status).toBe(409);
    expect(await auditLines()).toEqual(expect.arrayContaining([expect.stringMatching(/^vi@example\.com member\.joined success vi@example\.com .*"method":"kinde"/)]));
  });

  it('refuses an invite link used with another Kinde account, naming both emails, and keeps the invite', async () => {
    await start();
    const res = await as(await ownerCookie())('/api/members/invites', { method: 'POST', json: { email: 'vi@example.com', role: 'viewer' } });
    const { token } = (await res.json()) as { token: string };
    const other = await throughKinde(t, withEmail('someone.else@example.com'), { invite: token });
    const page = await callback(other.callback, other.loginCookie);
    expect(page.status).toBe(403);
    expect(await page.text()).toContain('This invite is for vi@example.com, but you signed in to Kinde as someone.else@example.com');
    expect((await t.request('/api/auth/invite/inspect', { method: 'POST', json: { token } })).status).toBe(200);
  });

  it('gives a Kinde user nobody invited an account only with EXPLORER_OIDC_DEFAULT_ROLE, never as owner', async () => {
    await start({ EXPLORER_OIDC_DEFAULT_ROLE: 'viewer' });
    const { callback: path, loginCookie } = await throughKinde(t, withEmail('newcomer@example.com'));
    const session = cookieNamed(await callback(path, loginCookie), 'explorer_session')!;
    expect(await (await as(session)('/api/auth/me')).json()).toMatchObject({ role: 'viewer', account: { email: 'newcomer@example.com', name: 'Newcomer' } });
  });

  it('works once per login: a replayed callback, a callback without the starting browser’s cookie or an unknown state get a page, not a session', async () => {
    await start();
    const { callback: path, loginCookie } = await throughKinde(t, withEmail(OWNER.email));
    const noCookie = await callback(path);
    expect(noCookie.status).toBe(400);
    expect(await noCookie.text()).toContain('started in another browser');
    // That try spent the login: the right browser cannot use it after an attacker's attempt either.
    const replay = await callback(path, loginCookie);
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('not known here');
    const forged = await callback('/api/auth/oidc/callback?code=x&state=made-up-state', loginCookie);
    expect(forged.headers.getSetCookie().join()).not.toContain('explorer_session=');
  });

  it('says so when the person cancels on Kinde (access_denied) or took longer than 10 minutes', async () => {
    let clock = Date.now();
    await start({}, { now: () => clock });
    const denied = await throughKinde(t, { action: 'deny' });
    const page = await callback(denied.callback, denied.loginCookie);
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('cancelled');

    const slow = await throughKinde(t, withEmail(OWNER.email));
    clock += 11 * 60_000;
    const late = await callback(slow.callback, slow.loginCookie);
    expect(await late.text()).toContain('expired');
    expect(late.headers.getSetCookie().join()).not.toContain('explorer_session=');
    expect(await auditLines()).toEqual(expect.arrayContaining([expect.stringContaining('"reason":"denied"'), expect.stringContaining('"reason":"expired"')]));
  });

  it('answers 502 with what to do when Kinde cannot be reached, and a wrong client secret is Kinde’s refusal (secret never logged)', async () => {
    await start({ EXPLORER_OIDC_ISSUER: 'http://127.0.0.1:9' });
    const res = await t.request('/api/auth/oidc/start', { method: 'POST', json: {} });
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ error: { code: 'upstream_unreachable', message: expect.stringContaining('could not be reached') } });
    await t.close();

    await start({ EXPLORER_OIDC_CLIENT_SECRET: 'canary-wrong-secret-77' });
    const { callback: path, loginCookie } = await throughKinde(t, withEmail(OWNER.email));
    const refused = await callback(path, loginCookie);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Kinde refused the sign-in');
    expect(t.logLines.join('\n')).not.toContain('canary-wrong-secret-77');
  });

  it('limits how many sign-ins with Kinde one address starts a minute (each keeps a row for 10 minutes)', async () => {
    await start();
    const starts = [];
    for (let i = 0; i < 60; i++) starts.push((await t.request('/api/auth/oidc/start', { method: 'POST', json: {} })).status);
    expect(new Set(starts)).toEqual(new Set([200]));
    const limited = await t.request('/api/auth/oidc/start', { method: 'POST', json: {} });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
  });

  if (engine === 'postgres') {
    it('finishes on another instance than the one that started (the login is in the database)', async () => {
      await start();
      const other = await createTestApp({ env: oidcEnv(), auth: { scryptCost }, sameDatabaseAs: { database: t.database, secretKey: t.secretKey } });
      try {
        const { callback: path, loginCookie } = await throughKinde(t, withEmail(OWNER.email));
        const res = await other.request(path, { headers: { cookie: loginCookie } });
        expect(res.status).toBe(303);
        const session = cookieNamed(res, 'explorer_session')!;
        expect((await as(session)('/api/auth/me')).status).toBe(200);
      } finally {
        await other.close();
      }
    });
  }
});

describe('sign in with Kinde, when not configured', () => {
  it('is off: the status says so and the routes answer 404', async () => {
    const t = await createTestApp({ env: { EXPLORER_SIGN_IN: 'accounts' } });
    try {
      expect(await (await t.request('/api/auth/status')).json()).toMatchObject({ kinde: false });
      expect((await t.request('/api/auth/oidc/start', { method: 'POST', json: {} })).status).toBe(404);
    } finally {
      await t.close();
    }
  });
});
