import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '@kinde-explorer/kinde-mock';
import { createTestApp, type TestApp } from '../testing/create-test-app.ts';
import { fakeKinde, startRecordingServer, type RecordingServer } from '../services/testing/recording-server.ts';

/**
 * SSRF corpus: every target below goes through `POST /api/send` exactly as a browser would send
 * it. A canary listens on another loopback port and must accept zero connections; the relay
 * may only ever reach the environment's own business_domain.
 */
let t: TestApp;
let sandbox: Sandbox;
let canary: RecordingServer;
let redirector: RecordingServer;
let sandboxEnv: string;
let tenantEnv: string;
let redirectEnv: string;

const C = () => canary.port;
const P = () => sandbox.port;

async function createEnv(name: string, variables: { key: string; value: string; secret?: boolean }[]): Promise<string> {
  const res = await t.request('/api/environments', { method: 'POST', json: { name, variables } });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const send = (environmentId: string, url: string, extra: Record<string, unknown> = {}) =>
  t.request('/api/send', { method: 'POST', json: { environmentId, request: { method: 'GET', url, ...extra } } });

beforeAll(async () => {
  canary = await startRecordingServer();
  sandbox = await startSandbox({ port: 0, spec: null });
  // A Kinde look-alike whose API answers every call with a redirect to the canary.
  redirector = await startRecordingServer();
  let status = 302;
  redirector.setHandler(
    fakeKinde(() => redirector.url, {
      clientId: 'redirect-client',
      clientSecret: 'redirect-secret-123',
      api: (req, res) => {
        status = Number(new URLSearchParams(req.path.split('?')[1]).get('status') ?? status);
        res.writeHead(status, { location: `http://127.0.0.1:${canary.port}/steal`, 'content-type': 'text/plain' });
        res.end('moved');
      },
    }),
  );
  t = await createTestApp();
  sandboxEnv = await createEnv('Sandbox', [
    { key: 'business_domain', value: sandbox.url },
    { key: 'client_id', value: 'sandbox_m2m_client' },
    { key: 'client_secret', value: 'sandbox_m2m_secret', secret: true },
    { key: 'elsewhere', value: `http://127.0.0.1:${canary.port}` },
    { key: 'nested', value: '{{elsewhere}}' },
    { key: 'evil_host', value: `127.0.0.1:${canary.port}` },
    { key: 'at_canary', value: `@127.0.0.1:${canary.port}` },
  ]);
  tenantEnv = await createEnv('Tenant', [{ key: 'business_domain', value: 'https://tenant.kinde.com' }]);
  redirectEnv = await createEnv('Redirector', [
    { key: 'business_domain', value: redirector.url },
    { key: 'client_id', value: 'redirect-client' },
    { key: 'client_secret', value: 'redirect-secret-123', secret: true },
  ]);
});

afterAll(async () => {
  t?.close();
  await Promise.all([sandbox?.close(), canary?.close(), redirector?.close()]);
});

// [why it is dangerous, environment, target]
const corpus: [string, () => string, () => string][] = [
  // Other hosts and ports
  ['another port on the same host', () => sandboxEnv, () => `http://127.0.0.1:${C()}/api/v1/users`],
  ['localhost instead of 127.0.0.1', () => sandboxEnv, () => `http://localhost:${C()}/api/v1/users`],
  ['the business domain port under another loopback name', () => sandboxEnv, () => `http://localhost:${P()}/api/v1/users`],
  ['another loopback address', () => sandboxEnv, () => `http://127.0.0.2:${C()}/`],
  ['0.0.0.0 (the local host on Linux)', () => sandboxEnv, () => `http://0.0.0.0:${C()}/`],
  ['cloud metadata', () => sandboxEnv, () => 'http://169.254.169.254/latest/meta-data/'],
  ['a public host', () => sandboxEnv, () => 'https://example.com/'],
  // User info, suffix and prefix tricks
  ['user info naming the Kinde domain', () => tenantEnv, () => `https://tenant.kinde.com@127.0.0.1:${C()}/api/v1/users`],
  ['user info naming the sandbox', () => sandboxEnv, () => `http://127.0.0.1:${P()}@127.0.0.1:${C()}/`],
  ['user and password', () => sandboxEnv, () => `http://u:p@127.0.0.1:${P()}/api/v1/users`],
  ['a suffix that resolves to loopback', () => tenantEnv, () => `https://tenant.kinde.com.127.0.0.1.nip.io:${C()}/`],
  ['a localtest.me-style name', () => tenantEnv, () => `https://tenant.kinde.com.localtest.me:${C()}/`],
  ['a .localhost subdomain', () => sandboxEnv, () => `http://tenant.localhost:${C()}/`],
  ['a prefix of the Kinde domain', () => tenantEnv, () => `https://eviltenant.kinde.com/`],
  ['a sibling Kinde tenant', () => tenantEnv, () => `https://other.kinde.com/api/v1/users`],
  ['the Kinde domain as a path of another host', () => tenantEnv, () => `https://127.0.0.1:${C()}/tenant.kinde.com`],
  ['the Kinde domain after a fragment', () => tenantEnv, () => `https://127.0.0.1:${C()}#@tenant.kinde.com/`],
  ['the Kinde domain after a query', () => tenantEnv, () => `https://127.0.0.1:${C()}?@tenant.kinde.com/`],
  // IPv4 literals in odd encodings, IPv6 literals
  ['a decimal IPv4', () => sandboxEnv, () => `http://2130706433:${C()}/`],
  ['an octal IPv4', () => sandboxEnv, () => `http://0177.0.0.1:${C()}/`],
  ['a hex IPv4', () => sandboxEnv, () => `http://0x7f000001:${C()}/`],
  ['a dotted hex IPv4', () => sandboxEnv, () => `http://0x7f.0.0.1:${C()}/`],
  ['a short IPv4', () => sandboxEnv, () => `http://127.1:${C()}/`],
  ['a trailing dot', () => sandboxEnv, () => `http://127.0.0.1.:${C()}/`],
  ['IPv6 loopback', () => sandboxEnv, () => `http://[::1]:${C()}/`],
  ['IPv4-mapped IPv6', () => sandboxEnv, () => `http://[::ffff:127.0.0.1]:${C()}/`],
  ['IPv4-mapped IPv6 in hex', () => sandboxEnv, () => `http://[0:0:0:0:0:ffff:7f00:1]:${C()}/`],
  ['ideographic full stops', () => sandboxEnv, () => `http://127\u30020\u30020\u30021:${C()}/`],
  ['fullwidth digits', () => sandboxEnv, () => `http://\uff11\uff12\uff17.0.0.1:${C()}/`],
  // Other schemes and ports
  ['https on the canary port', () => sandboxEnv, () => `https://127.0.0.1:${C()}/`],
  ['https instead of the sandbox http', () => sandboxEnv, () => `https://127.0.0.1:${P()}/api/v1/users`],
  ['http instead of https', () => tenantEnv, () => 'http://tenant.kinde.com/api/v1/users'],
  ['another port on the Kinde domain', () => tenantEnv, () => 'https://tenant.kinde.com:8443/api/v1/users'],
  ['ftp', () => sandboxEnv, () => `ftp://127.0.0.1:${C()}/`],
  ['file', () => sandboxEnv, () => 'file:///etc/passwd'],
  ['data', () => sandboxEnv, () => 'data:text/plain,hello'],
  ['javascript', () => sandboxEnv, () => 'javascript:alert(1)'],
  ['gopher', () => sandboxEnv, () => `gopher://127.0.0.1:${C()}/_GET`],
  ['ws', () => sandboxEnv, () => `ws://127.0.0.1:${C()}/`],
  ['an upper-case scheme', () => sandboxEnv, () => `HTTP://127.0.0.1:${C()}/`],
  // Parser confusion
  ['backslashes', () => sandboxEnv, () => `http:\\\\127.0.0.1:${C()}\\api`],
  ['a path-only URL that is really scheme-relative', () => sandboxEnv, () => `/\\127.0.0.1:${C()}/api`],
  ['a scheme-relative URL', () => sandboxEnv, () => `//127.0.0.1:${C()}/api`],
  ['a tab inside the host', () => sandboxEnv, () => `http://127.0.0.\t1:${C()}/`],
  ['a newline inside the host', () => sandboxEnv, () => `http://127.0.\n0.1:${C()}/`],
  ['percent-encoded host characters', () => sandboxEnv, () => `http://%31%32%37.0.0.1:${C()}/`],
  ['leading spaces', () => sandboxEnv, () => `   http://127.0.0.1:${C()}/`],
  // Variables that expand to another host
  ['a variable holding another origin', () => sandboxEnv, () => '{{elsewhere}}/api/v1/users'],
  ['a variable holding a variable holding another origin', () => sandboxEnv, () => '{{nested}}/api/v1/users'],
  ['a variable as the host', () => sandboxEnv, () => 'http://{{evil_host}}/api/v1/users'],
  ['a variable adding user info after the business domain', () => sandboxEnv, () => '{{business_domain}}{{at_canary}}/api/v1/users'],
  ['the business domain as user info of another host', () => sandboxEnv, () => `http://{{business_domain}}@127.0.0.1:${C()}/`],
];

describe('SSRF corpus through POST /api/send', () => {
  it('has at least 30 targets', async () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
  });

  it('the canary really counts connections (so zero means zero)', async () => {
    const before = canary.connections();
    await fetch(`${canary.url}/probe`).then((r) => r.text());
    expect(canary.connections()).toBe(before + 1);
  });

  it.each(corpus)('refuses %s before any byte leaves', async (_why, env, target) => {
    const canaryBefore = canary.connections();
    const sandboxBefore = sandbox.stats().requests.length;
    const res = await send(env(), target());
    const body = (await res.json()) as { error?: { code: string; message: string } };
    expect(res.status, JSON.stringify(body)).toBe(400);
    expect(body.error?.code).toBe('target_not_allowed');
    await new Promise((r) => setTimeout(r, 20));
    expect(canary.connections()).toBe(canaryBefore);
    // Not even the token exchange ran.
    expect(sandbox.stats().requests.length).toBe(sandboxBefore);
  });

  it('still sends to the business domain itself (the corpus is not refusing everything)', async () => {
    const res = await send(sandboxEnv, '{{business_domain}}/api/v1/users?page_size=1');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: number }).status).toBe(200);
  });

  it('does not let a Host header typed by the user redirect the request', async () => {
    const before = canary.connections();
    const res = await send(sandboxEnv, '{{business_domain}}/api/v1/users?page_size=1', {
      headers: [{ key: 'Host', value: `127.0.0.1:${C()}` }, { key: 'X-Forwarded-Host', value: `127.0.0.1:${C()}` }],
    });
    expect(res.status).toBe(200);
    const seen = sandbox.stats().requests.at(-1)!;
    expect(seen.headers.host).toBe(`127.0.0.1:${P()}`);
    expect(canary.connections()).toBe(before);
  });

  it.each([301, 302, 303, 307, 308])('returns an upstream %i to elsewhere as it is and never follows it', async (status) => {
    const before = canary.connections();
    const res = await send(redirectEnv, `{{business_domain}}/api/v1/users?status=${status}`);
    expect(res.status).toBe(200);
    const result = (await res.json()) as { status: number; headers: { key: string; value: string }[] };
    expect(result.status).toBe(status);
    expect(result.headers).toContainEqual({ key: 'location', value: `http://127.0.0.1:${C()}/steal` });
    await new Promise((r) => setTimeout(r, 50));
    expect(canary.connections()).toBe(before);
  });
});

describe('business_domain (the one allowed host) as the environment form takes it', () => {
  const create = (value: string) =>
    t.request('/api/environments', { method: 'POST', json: { name: 'x', variables: [{ key: 'business_domain', value }] } });

  it.each([
    'http://tenant.kinde.com',
    'http://example.com:8080',
    'http://10.0.0.5',
    'http://169.254.169.254',
    'https://169.254.169.254',
    'https://10.0.0.5',
    'https://172.16.0.1',
    'https://192.168.1.1',
    'https://0x0a000001',
    'https://[fd00::1]',
    'https://[fe80::1]',
    'https://[::ffff:10.0.0.1]',
    'https://0.0.0.0',
    'https://tenant.kinde.com@127.0.0.1',
  ])('refuses %s', async (value) => {
    const res = await create(value);
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.code).toBe('validation_failed');
  });

  it.each(['https://tenant.kinde.com', 'https://auth.example.com', 'http://127.0.0.1:8788', 'http://localhost:8788', 'http://[::1]:8788'])(
    'accepts %s',
    async (value) => {
      expect((await create(value)).status).toBe(201);
    },
  );
});
