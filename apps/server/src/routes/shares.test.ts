import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../testing/engines.ts';
import { createTestApp, type TestApp } from '../testing/create-test-app.ts';

const CLIENT_SECRET = 'share-test-client-secret-2b9e7f';
const API_KEY = 'share-test-api-key-c0ffee11';
const TOKEN_SEEN = 'opaque-token-the-server-issued-5d6e';
// Shaped like a Kinde access token (header.payload.signature, base64url).
const JWT = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJrcF8xMjMiLCJhdWQiOiJodHRwczovL2FjbWUua2luZGUuY29tL2FwaSJ9.c2lnbmF0dXJlLWJ5dGVzLWhlcmU';
const COOKIE = 'session=cookie-value-9f8e7d6c';

describeEachEngine('share routes', (engine) => {
  let t: TestApp;
  let envId: string;

  beforeEach(async () => {
    t = await createTestApp({ engine });
    envId = await t.createEnvironment('Acme', [
      { key: 'business_domain', value: 'https://acme.kinde.com' },
      { key: 'client_id', value: 'acme_client' },
      { key: 'client_secret', value: CLIENT_SECRET },
      { key: 'api_key', value: API_KEY, secret: true },
    ]);
    t.deps.secrets.add(TOKEN_SEEN);
  });
  afterEach(() => t.close());

  const listUsersBody = JSON.stringify({
    code: 'OK',
    users: [{ id: 'kp_1', email: 'ada@example.com', first_name: 'Ada', last_name: 'Lovelace', phone: '+61400123456' }],
  });

  function shareInput(overrides: Record<string, unknown> = {}) {
    return {
      environmentId: envId,
      title: 'List users',
      request: {
        method: 'GET',
        url: '{{business_domain}}/api/v1/users?page_size=5',
        headers: [
          { key: 'Accept', value: 'application/json' },
          { key: 'Authorization', value: `Bearer ${JWT}` },
          { key: 'Cookie', value: COOKIE },
          { key: 'x-api-key', value: API_KEY },
        ],
        auth: 'kinde-m2m',
      },
      response: {
        status: 200,
        statusText: 'OK',
        headers: [
          { key: 'content-type', value: 'application/json' },
          { key: 'set-cookie', value: COOKIE },
          { key: 'x-echo', value: `${TOKEN_SEEN} ${CLIENT_SECRET}` },
        ],
        body: listUsersBody.replace('"code":"OK"', `"code":"OK","debug":"${JWT} ${CLIENT_SECRET} ${encodeURIComponent(API_KEY)} ${TOKEN_SEEN}"`),
        bodyEncoding: 'utf8',
        size: 321,
        timings: { tokenMs: 12, upstreamMs: 34, totalMs: 50 },
        url: `https://acme.kinde.com/api/v1/users?page_size=5&k=${API_KEY}`,
      },
      ...overrides,
    };
  }

  async function create(input: unknown = shareInput()): Promise<{ id: string; url: string }> {
    const res = await t.request('/api/shares', { method: 'POST', json: input });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; url: string };
  }

  /** Everything the database holds for the app (SQLite: its files' bytes; PostgreSQL: every row). */
  async function databaseBytes(): Promise<string> {
    return (await t.storedBytes()).toString('latin1');
  }

  describe('POST /api/shares', () => {
    it('answers an unguessable id and the page path', async () => {
      const a = await create();
      const b = await create();
      expect(a.id).toMatch(/^[A-Za-z0-9_-]{22}$/); // 16 random bytes, base64url
      expect(a.id).not.toBe(b.id);
      expect(a.url).toBe(`/share/${a.id}`);
    });

    it('stores no secret, token, JWT or cookie: not in the answer, not in the database bytes', async () => {
      const { id } = await create();
      const shown = await (await t.request(`/api/shares/${id}`)).text();
      const stored = (await databaseBytes());
      for (const needle of [CLIENT_SECRET, API_KEY, encodeURIComponent(API_KEY), TOKEN_SEEN, JWT, 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9', 'cookie-value-9f8e7d6c']) {
        expect(shown, needle).not.toContain(needle);
        expect(stored, needle).not.toContain(needle);
      }
      expect(stored).toContain('ada@example.com'); // the check can see stored content at all
    });

    it('drops Authorization, Cookie and Set-Cookie headers and keeps the rest readable', async () => {
      const { id } = await create();
      const share = (await (await t.request(`/api/shares/${id}`)).json()) as any;
      expect(share.request.headers.map((h: any) => h.key)).toEqual(['Accept', 'x-api-key']);
      // A literal secret of the environment goes back to being its variable.
      expect(share.request.headers[1].value).toBe('{{api_key}}');
      expect(share.response.headers.map((h: any) => h.key)).toEqual(['content-type', 'x-echo']);
      expect(share.response.headers[1].value).toBe('[redacted] [redacted]');
      expect(share).toMatchObject({ title: 'List users', method: 'GET', requestUrl: '{{business_domain}}/api/v1/users?page_size=5', status: 200, environmentName: 'Acme' });
      expect(JSON.parse(share.response.body).users[0].email).toBe('ada@example.com');
      expect(share.response.timings).toEqual({ tokenMs: 12, upstreamMs: 34, totalMs: 50 });
    });

    it('masks personal data in the stored body when asked', async () => {
      const { id } = await create(shareInput({ maskPersonalData: true }));
      const share = (await (await t.request(`/api/shares/${id}`)).json()) as any;
      expect(share.personalDataMasked).toBe(true);
      const user = JSON.parse(share.response.body).users[0];
      expect(user).toMatchObject({ id: 'kp_1', email: 'a••••@example.com', first_name: 'A••••', last_name: 'L••••', phone: '+••••56' });
      expect(share.response.url).toBe('https://acme.kinde.com/api/v1/users?page_size=5&k=[redacted]');
      const withEmail = await create(shareInput({ maskPersonalData: true, response: { status: 200, body: '{}', url: 'https://acme.kinde.com/api/v1/users?email=ada@example.com' } }));
      expect(((await (await t.request(`/api/shares/${withEmail.id}`)).json()) as any).response.url).toBe('https://acme.kinde.com/api/v1/users?email=a••••@example.com');
      expect((await databaseBytes())).not.toContain('ada@example.com');
    });

    it('caps a huge body and leaves a binary one out', async () => {
      const big = await create(shareInput({ response: { status: 200, body: 'x'.repeat(3 * 1024 * 1024) } }));
      const bigShare = (await (await t.request(`/api/shares/${big.id}`)).json()) as any;
      expect(bigShare.response.bodyTruncated).toBe(true);
      expect(bigShare.response.body.length).toBe(2 * 1024 * 1024);
      const bin = await create(shareInput({ response: { status: 200, body: Buffer.from(CLIENT_SECRET).toString('base64'), bodyEncoding: 'base64' } }));
      const binShare = (await (await t.request(`/api/shares/${bin.id}`)).json()) as any;
      expect(binShare.response).toMatchObject({ body: '', bodyOmitted: true });
    });
  });

  describe('GET /api/shares', () => {
    it('keeps share ids, the capability to read a share, out of the request log', async () => {
      const { id } = await create();
      expect((await t.request(`/api/shares/${id}`)).status).toBe(200);
      await t.request(`/share/${id}`);
      await t.request(`/api/shares/${id}`, { method: 'DELETE' });
      const requestLines = t.logLines.filter((l) => l.includes('"msg":"request"'));
      expect(requestLines.some((l) => l.includes('"path":"/api/shares/:id"'))).toBe(true);
      expect(t.logLines.join('\n')).not.toContain(id);
    });

    it('lists live shares, newest first', async () => {
      const first = await create(shareInput({ title: 'first' }));
      const second = await create(shareInput({ title: 'second' }));
      const { shares } = (await (await t.request('/api/shares')).json()) as { shares: { id: string; title: string; url: string }[] };
      expect(shares.map((s) => s.title)).toEqual(['second', 'first']);
      expect(shares[0]).toMatchObject({ id: second.id, url: `/share/${second.id}`, method: 'GET', status: 200 });
      expect(first.id).toBe(shares[1]!.id);
    });
  });

  describe('DELETE /api/shares/:id', () => {
    it('revokes: the link answers 410, the list forgets it, the content is deleted', async () => {
      const { id } = await create();
      expect((await t.request(`/api/shares/${id}`, { method: 'DELETE' })).status).toBe(204);
      const gone = await t.request(`/api/shares/${id}`);
      expect(gone.status).toBe(410);
      expect(((await gone.json()) as any).error.code).toBe('gone');
      expect((await t.request(`/api/shares/${id}`, { method: 'DELETE' })).status).toBe(410);
      expect((await t.request(`/api/shares/${id}/snippet`, { method: 'POST', json: { target: 'python' } })).status).toBe(410);
      const { shares } = (await (await t.request('/api/shares')).json()) as { shares: unknown[] };
      expect(shares).toEqual([]);
      const row = await t.deps.data.db.selectFrom('shares').select(['request_json', 'response_json', 'title']).where('id', '=', id).executeTakeFirst();
      expect(row).toEqual({ request_json: null, response_json: null, title: '' });
    });

    it('answers 404 for a link that never existed', async () => {
      expect((await t.request('/api/shares/AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
      expect((await t.request('/api/shares/AAAAAAAAAAAAAAAAAAAAAA', { method: 'DELETE' })).status).toBe(404);
    });
  });

  describe('POST /api/shares/:id/snippet', () => {
    it('writes Python for the shared request with the business domain filled in and placeholders for secrets', async () => {
      const { id } = await create();
      const res = await t.request(`/api/shares/${id}/snippet`, { method: 'POST', json: { target: 'python' } });
      expect(res.status).toBe(200);
      const { code, label } = (await res.json()) as { code: string; label: string };
      expect(label).toBe('Python');
      expect(code).toContain('import requests');
      expect(code).toContain('url = "https://acme.kinde.com/api/v1/users"');
      expect(code).toContain('"page_size":"5"');
      expect(code).toContain('"x-api-key": "<api_key>"');
      expect(code).toContain('Bearer <m2m_access_token>');
      for (const needle of [CLIENT_SECRET, API_KEY, JWT, 'cookie-value']) expect(code).not.toContain(needle);
    });

    it('still works after the environment is deleted', async () => {
      const { id } = await create();
      expect((await t.request(`/api/environments/${envId}`, { method: 'DELETE' })).status).toBe(204);
      const res = await t.request(`/api/shares/${id}/snippet`, { method: 'POST', json: { target: 'curl' } });
      expect(((await res.json()) as { code: string }).code).toContain("--url 'https://acme.kinde.com/api/v1/users?page_size=5'");
    });

    it('falls back to the requested URL when shared without an environment', async () => {
      const { environmentId: _, ...input } = shareInput();
      const { id } = await create(input);
      const res = await t.request(`/api/shares/${id}/snippet`, { method: 'POST', json: { target: 'curl' } });
      const body = (await res.json()) as { code: string };
      expect(res.status, JSON.stringify(body)).toBe(200);
      const { code } = body;
      expect(code).toContain('https://acme.kinde.com/api/v1/users?page_size=5&k=[redacted]');
      expect(code).not.toContain(API_KEY);
    });
  });
});
