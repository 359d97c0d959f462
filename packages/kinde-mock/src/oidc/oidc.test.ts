import { createHash, randomBytes } from 'node:crypto';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSandboxApp, type SandboxApp } from '../app.ts';

const CALLBACK = 'http://127.0.0.1:8787/api/auth/oidc/callback';
const CLIENT = { id: 'sandbox_web_client', secret: 'sandbox_web_secret' };

let shared: SandboxApp;
let sandbox: SandboxApp;
beforeAll(() => {
  shared = createSandboxApp({ spec: null });
});
beforeEach(() => {
  shared.reset();
  sandbox = shared;
});

const pkce = () => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};

function authorizeUrl(over: Record<string, string | null> = {}, challenge = pkce().challenge) {
  const params: Record<string, string | null> = {
    response_type: 'code',
    client_id: CLIENT.id,
    redirect_uri: CALLBACK,
    scope: 'openid profile email',
    state: 'state-0123456789',
    nonce: 'nonce-abc',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...over,
  };
  const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== null));
  return `/oauth2/auth?${q}`;
}

const requestIdOf = (html: string) => /name="request_id" value="([^"]+)"/.exec(html)![1]!;
const post = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  sandbox.app.request(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields).toString() });

/** Opens the sign-in page and answers it with `fields`; the redirect back to the app. */
async function signIn(fields: Record<string, string>, over: Record<string, string | null> = {}, challenge?: string) {
  const page = await sandbox.app.request(authorizeUrl(over, challenge));
  expect(page.status).toBe(200);
  const res = await post('/oauth2/auth/sign-in', { request_id: requestIdOf(await page.text()), ...fields });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location')!);
}

const firstUser = () => sandbox.context.store.data.users[0]!;
const exchange = (code: string, verifier: string, extra: Record<string, string> = {}) =>
  post('/oauth2/token', { grant_type: 'authorization_code', code, redirect_uri: CALLBACK, code_verifier: verifier, client_id: CLIENT.id, client_secret: CLIENT.secret, ...extra });

describe('the sandbox as a Kinde business domain for sign-in (OpenID Connect)', () => {
  it('publishes the OpenID configuration at Kinde’s paths, with the business domain as issuer', async () => {
    const doc = (await (await sandbox.app.request('http://127.0.0.1:9999/.well-known/openid-configuration')).json()) as Record<string, unknown>;
    expect(doc).toMatchObject({
      issuer: 'http://127.0.0.1:9999',
      authorization_endpoint: 'http://127.0.0.1:9999/oauth2/auth',
      token_endpoint: 'http://127.0.0.1:9999/oauth2/token',
      userinfo_endpoint: 'http://127.0.0.1:9999/oauth2/v2/user_profile',
      jwks_uri: 'http://127.0.0.1:9999/.well-known/jwks',
      code_challenge_methods_supported: ['S256'],
    });
    expect((await sandbox.app.request('/.well-known/jwks')).status).toBe(200);
  });

  it('signs a picked user in: a code for the callback, then an RS256 ID token Kinde-shaped with the nonce, and the user profile', async () => {
    const { verifier, challenge } = pkce();
    const back = await signIn({ user_id: firstUser().id }, {}, challenge);
    expect(back.origin + back.pathname).toBe(CALLBACK);
    expect(back.searchParams.get('state')).toBe('state-0123456789');
    const res = await exchange(back.searchParams.get('code')!, verifier);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { id_token: string; access_token: string; token_type: string };
    expect(body.token_type).toBe('bearer');
    const jwks = createLocalJWKSet((await (await sandbox.app.request('/.well-known/jwks')).json()) as never);
    const { payload, protectedHeader } = await jwtVerify(body.id_token, jwks, { issuer: 'http://localhost', audience: CLIENT.id });
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({ sub: firstUser().id, azp: CLIENT.id, email: firstUser().email, email_verified: true, nonce: 'nonce-abc', given_name: firstUser().first_name });
    expect(payload.exp! - payload.iat!).toBe(3600);

    const profile = await sandbox.app.request('/oauth2/v2/user_profile', { headers: { authorization: `Bearer ${body.access_token}` } });
    expect(await profile.json()).toMatchObject({ sub: firstUser().id, email: firstUser().email, email_verified: true });
    // A user's token is not a management API token.
    expect((await sandbox.app.request('/api/v1/users', { headers: { authorization: `Bearer ${body.access_token}` } })).status).toBe(401);
    expect((await sandbox.app.request('/oauth2/v2/user_profile', { headers: { authorization: `Bearer ${await sandbox.issueToken()}` } })).status).toBe(401);
  });

  it('spends a code on its first exchange: a replay, a wrong verifier, a wrong redirect or an expired code get invalid_grant', async () => {
    const { verifier, challenge } = pkce();
    const code = (await signIn({ user_id: firstUser().id }, {}, challenge)).searchParams.get('code')!;
    expect((await exchange(code, verifier)).status).toBe(200);
    const replay = await exchange(code, verifier);
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ error: 'invalid_grant' });

    const p2 = pkce();
    const code2 = (await signIn({ user_id: firstUser().id }, {}, p2.challenge)).searchParams.get('code')!;
    expect(await (await exchange(code2, pkce().verifier)).json()).toMatchObject({ error: 'invalid_grant', error_description: expect.stringContaining('code_verifier') });
    expect(await (await exchange(code2, p2.verifier)).json()).toMatchObject({ error: 'invalid_grant' }); // spent by the failed try

    const p3 = pkce();
    const code3 = (await signIn({ user_id: firstUser().id }, {}, p3.challenge)).searchParams.get('code')!;
    expect(await (await exchange(code3, p3.verifier, { redirect_uri: 'http://127.0.0.1:8787/other' })).json()).toMatchObject({ error: 'invalid_grant' });

    sandbox = createSandboxApp({ spec: null, codeTtlSeconds: 0 });
    const p4 = pkce();
    const code4 = (await signIn({ user_id: firstUser().id }, {}, p4.challenge)).searchParams.get('code')!;
    expect(await (await exchange(code4, p4.verifier)).json()).toMatchObject({ error: 'invalid_grant', error_description: expect.stringContaining('expired') });
  });

  it('authenticates the client: a wrong secret is invalid_client and does not spend the code', async () => {
    const { verifier, challenge } = pkce();
    const code = (await signIn({ user_id: firstUser().id }, {}, challenge)).searchParams.get('code')!;
    const res = await exchange(code, verifier, { client_secret: 'wrong' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'invalid_client' });
    const basic = Buffer.from(`${CLIENT.id}:${CLIENT.secret}`).toString('base64');
    const ok = await post('/oauth2/token', { grant_type: 'authorization_code', code, redirect_uri: CALLBACK, code_verifier: verifier }, { authorization: `Basic ${basic}` });
    expect(ok.status).toBe(200);
  });

  it('shows an error page, never a redirect, for an unknown client or a callback URL that is not allowed', async () => {
    const unknown = await sandbox.app.request(authorizeUrl({ client_id: 'nope' }));
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('Unknown application');
    const evil = await sandbox.app.request(authorizeUrl({ redirect_uri: 'https://evil.example/cb' }));
    expect(evil.status).toBe(400);
    expect(evil.headers.get('location')).toBeNull();
    expect(await evil.text()).toContain('Allowed callback URLs');
  });

  it('sends other faults back to the app as error=…: PKCE missing or plain, no openid scope, no state', async () => {
    const errorOf = async (over: Record<string, string | null>) => {
      const res = await sandbox.app.request(authorizeUrl(over));
      expect(res.status).toBe(302);
      return Object.fromEntries(new URL(res.headers.get('location')!).searchParams);
    };
    expect(await errorOf({ code_challenge: null })).toMatchObject({ error: 'invalid_request', state: 'state-0123456789' });
    expect(await errorOf({ code_challenge_method: 'plain' })).toMatchObject({ error: 'invalid_request' });
    expect(await errorOf({ scope: 'profile' })).toMatchObject({ error: 'invalid_scope' });
    expect(await errorOf({ state: null })).toMatchObject({ error: 'invalid_request' });
  });

  it('answers access_denied when the person cancels, and signs up a typed email that is new', async () => {
    const denied = await signIn({ action: 'deny' });
    expect(Object.fromEntries(denied.searchParams)).toMatchObject({ error: 'access_denied', state: 'state-0123456789' });

    const { verifier, challenge } = pkce();
    const back = await signIn({ action: 'email', email: 'New.Person@Example.com' }, {}, challenge);
    const { id_token } = (await (await exchange(back.searchParams.get('code')!, verifier)).json()) as { id_token: string };
    const claims = JSON.parse(Buffer.from(id_token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ email: 'new.person@example.com', given_name: 'New' });
    expect(sandbox.context.store.data.users.some((u) => u.email === 'new.person@example.com')).toBe(true);
  });

  it('lists sandbox users on its sign-in page and asks again for an email that is not one', async () => {
    const page = await sandbox.app.request(authorizeUrl());
    const html = await page.text();
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html).toContain(firstUser().email!);
    const again = await post('/oauth2/auth/sign-in', { request_id: requestIdOf(html), action: 'email', email: 'not an email' });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('Enter an email address');
    const stale = await post('/oauth2/auth/sign-in', { request_id: requestIdOf(html), user_id: firstUser().id });
    expect(await stale.text()).toContain('expired');
  });
});
