import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterEach, expect, it } from 'vitest';
import type { Engine } from '../services/storage/index.ts';
import { createTestApp, TEST_ORIGIN, type TestApp } from '../testing/create-test-app.ts';
import { describeEachEngine } from '../testing/engines.ts';

const scryptCost = { N: 1024, r: 8, p: 1 };
const OWNER = { email: 'olive@example.com', password: 'owner-password-1' };
const EDITOR = { email: 'eddie@example.com', password: 'editor-password-1' };

let t: TestApp;
let server: ServerType | undefined;
let url: string;
afterEach(async () => {
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  server = undefined;
  await t.close();
});

/** An accounts-mode explorer listening on loopback (so the peer address is real: 127.0.0.1), with an owner and an editor. */
async function start(engine: Engine, env: Record<string, string> = {}) {
  t = await createTestApp({ engine, env: { EXPLORER_OWNER_EMAIL: OWNER.email, EXPLORER_OWNER_PASSWORD: OWNER.password, ...env }, auth: { scryptCost } });
  const owner = (await t.deps.auth.accounts.list())[0]!;
  const { token } = await t.deps.auth.invites.create({ email: EDITOR.email, role: 'editor', expiresInHours: 1 }, owner.id);
  await t.deps.auth.invites.accept(token, { name: 'Eddie', password: EDITOR.password });
  server = serve({ fetch: t.app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise((r) => server!.once('listening', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const signIn = (who: { email: string; password: string }, forwardedFor?: string) =>
  fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    // The Host the test app allows (loopback:8787); the socket is the real one.
    headers: { 'content-type': 'application/json', host: new URL(TEST_ORIGIN).host, ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
    body: JSON.stringify(who),
  });
const wrong = (email: string) => ({ email, password: 'not-the-password' });

async function failures() {
  const { events } = await t.deps.audit.list({ action: ['auth.sign_in'], outcome: 'failure', limit: 500 });
  return events;
}

describeEachEngine('sign-in limits', (engine) => {
  it("locks out only the email being mistyped from that address: another person there signs in at once", async () => {
    await start(engine);
    for (let i = 0; i < 5; i++) expect((await signIn(wrong(OWNER.email))).status).toBe(401);
    const limited = await signIn(OWNER); // even the right password, for now
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/^Too many sign-in attempts; try again in \d+ s\.$/) });
    expect((await signIn(EDITOR)).status).toBe(200);
    expect((await failures()).filter((e) => (e.detail as { reason?: string }).reason === 'rate_limited')).toHaveLength(1);
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy (the default): a fresh forged address per guess gains nothing', async () => {
    await start(engine);
    for (let i = 0; i < 5; i++) expect((await signIn(wrong(OWNER.email), `198.51.100.${i}`)).status).toBe(401);
    expect((await signIn(wrong(OWNER.email), '198.51.100.99')).status).toBe(429);
    // The audit log names the real peer, never the forged address.
    const clients = new Set((await failures()).map((e) => e.client));
    expect([...clients]).toEqual(['127.0.0.1']);
  });

  it('behind a trusted proxy counts the address it forwarded, and the audit log shows it', async () => {
    await start(engine, { EXPLORER_TRUSTED_PROXIES: '127.0.0.1' });
    for (let i = 0; i < 5; i++) expect((await signIn(wrong(OWNER.email), '203.0.113.7')).status).toBe(401);
    expect((await signIn(OWNER, '203.0.113.7')).status).toBe(429);
    // Someone else behind the same proxy, typing the same email: their own window.
    expect((await signIn(OWNER, '203.0.113.8')).status).toBe(200);
    const clients = new Set((await failures()).map((e) => e.client));
    expect([...clients]).toEqual(['203.0.113.7']);
    // A client cannot smuggle an address in front of the one the proxy appended.
    for (let i = 0; i < 5; i++) expect((await signIn(wrong(EDITOR.email), `192.0.2.${i}, 203.0.113.9`)).status).toBe(401);
    expect((await signIn(wrong(EDITOR.email), '192.0.2.200, 203.0.113.9')).status).toBe(429);
  });

  it('locks an email after ten failures from any mix of addresses, for a quarter of an hour', async () => {
    await start(engine, { EXPLORER_TRUSTED_PROXIES: '127.0.0.1' });
    for (let i = 0; i < 10; i++) expect((await signIn(wrong(OWNER.email), `203.0.113.${i}`)).status).toBe(401);
    const limited = await signIn(OWNER, '203.0.113.200');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    expect((await signIn(EDITOR, '203.0.113.200')).status).toBe(200); // other accounts are not touched
  });

  it('limits one address trying many emails, with a larger window', async () => {
    await start(engine);
    for (let i = 0; i < 50; i++) expect((await signIn(wrong(`guess-${i}@example.com`))).status).toBe(401);
    const limited = await signIn(EDITOR);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
  });

  it('does not count a successful sign-in', async () => {
    await start(engine);
    for (let i = 0; i < 4; i++) expect((await signIn(wrong(OWNER.email))).status).toBe(401);
    for (let i = 0; i < 3; i++) expect((await signIn(OWNER)).status).toBe(200);
    expect((await signIn(wrong(OWNER.email))).status).toBe(401);
    expect((await signIn(wrong(OWNER.email))).status).toBe(429);
  });
});
