import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_SECRET_PLACEHOLDER, generateSnippet, tokenRequestSnippet, type Snippet } from './generate-snippet.ts';
import { SNIPPET_TARGETS, type SnippetTarget } from './snippet-targets.ts';
import type { SnippetRequest } from './to-har.ts';

const listUsers: SnippetRequest = {
  method: 'GET',
  url: 'https://acme.kinde.com/api/v1/users',
  query: [{ key: 'page_size', value: '10' }, { key: 'next_token', value: 'x', enabled: false }],
  headers: [{ key: 'accept', value: 'application/json' }],
  auth: 'kinde-m2m',
};

const createOrg: SnippetRequest = {
  method: 'POST',
  url: 'https://acme.kinde.com/api/v1/organization',
  body: { mode: 'json', json: '{"name":"Acme"}' },
  auth: 'kinde-m2m',
};

function gen(r: SnippetRequest, target: SnippetTarget, opts = {}): Snippet {
  const out = generateSnippet(r, target, opts);
  if (!out.ok) throw new Error(out.errors.join('; '));
  return out.value;
}

const TARGETS = SNIPPET_TARGETS.map((t) => t.id);

function hasCommand(cmd: string): boolean {
  try {
    execFileSync(cmd, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function checkSyntax(code: string, file: string, cmd: string, args: string[]): void {
  const dir = mkdtempSync(join(tmpdir(), 'snippet-'));
  const path = join(dir, file);
  writeFileSync(path, code);
  execFileSync(cmd, [...args, path], { stdio: 'pipe' });
}

describe('generateSnippet', () => {
  it.each(TARGETS)('%s: writes code with the URL and the token placeholder', (target) => {
    const s = gen(listUsers, target);
    expect(s.code.trim()).not.toBe('');
    expect(s.code).toContain('acme.kinde.com/api/v1/users');
    expect(s.code).toContain('page_size');
    expect(s.code).not.toContain('next_token');
    expect(s.code).toContain('Bearer <m2m_access_token>');
    expect(s.code).not.toMatch(/KINDEM2MTOKENMARKER/);
  });

  it.each(TARGETS)('%s: env style reads KINDE_M2M_TOKEN instead of a placeholder', (target) => {
    const s = gen(createOrg, target, { tokenStyle: 'env' });
    expect(s.code).toContain('KINDE_M2M_TOKEN');
    expect(s.code).not.toContain('<m2m_access_token>');
    expect(s.code).not.toMatch(/KINDEM2MTOKENMARKER/);
  });

  it('uses each language’s way to read the environment', () => {
    expect(gen(listUsers, 'curl', { tokenStyle: 'env' }).code).toContain(`--header "authorization: Bearer $KINDE_M2M_TOKEN"`);
    expect(gen(listUsers, 'node', { tokenStyle: 'env' }).code).toContain('authorization: `Bearer ${process.env.KINDE_M2M_TOKEN}`');
    const py = gen(listUsers, 'python', { tokenStyle: 'env' }).code;
    expect(py).toContain(`"authorization": f"Bearer {os.environ['KINDE_M2M_TOKEN']}"`);
    expect(py.split('\n')[0]).toBe('import os');
    const go = gen(listUsers, 'go', { tokenStyle: 'env' }).code;
    expect(go).toContain('"Bearer " + os.Getenv("KINDE_M2M_TOKEN")');
    expect(go).toMatch(/import \(\n\t"os"\n/);
  });

  it('node code parses, in both token styles, with no node-fetch import', () => {
    for (const tokenStyle of ['placeholder', 'env'] as const) {
      const code = gen(createOrg, 'node', { tokenStyle }).code;
      expect(code).not.toContain('node-fetch');
      expect(() => checkSyntax(code, 'snippet.mjs', process.execPath, ['--check'])).not.toThrow();
    }
  });

  it('shell code parses with bash -n', () => {
    expect(() => checkSyntax(gen(createOrg, 'curl', { tokenStyle: 'env' }).code, 'snippet.sh', 'bash', ['-n'])).not.toThrow();
  });

  it.skipIf(!hasCommand('python3'))('python code compiles, in both token styles', () => {
    for (const tokenStyle of ['placeholder', 'env'] as const) {
      const code = gen(createOrg, 'python', { tokenStyle }).code;
      expect(() => checkSyntax(code, 'snippet.py', 'python3', ['-m', 'py_compile'])).not.toThrow();
    }
  });

  it('sends JSON as JSON: content type set, body kept', () => {
    const node = gen(createOrg, 'node').code;
    expect(node).toContain("'content-type': 'application/json'");
    expect(node).toContain('{"name":"Acme"}');
    expect(gen(createOrg, 'python').code).toContain('json=payload');
  });

  it('drops an Authorization header of the request and leaves no auth for auth none', () => {
    const s = gen({ ...listUsers, headers: [{ key: 'Authorization', value: 'Bearer real-token-123' }], auth: 'none' }, 'curl');
    expect(s.code).not.toContain('real-token-123');
    expect(s.code.toLowerCase()).not.toContain('authorization');
  });

  it.each(TARGETS)('%s: a secret passed in never appears, even form-encoded', (target) => {
    const secret = 'S3cr3t/value+with space';
    const r: SnippetRequest = {
      method: 'POST',
      url: 'https://acme.kinde.com/api/v1/x',
      headers: [{ key: 'x-api-key', value: secret }],
      body: { mode: 'urlencoded', urlencoded: [{ key: 'password', value: secret }] },
      auth: 'kinde-m2m',
    };
    const s = gen(r, target, { secrets: [secret] });
    for (const variant of [secret, encodeURIComponent(secret), 'S3cr3t%2Fvalue%2Bwith+space']) expect(s.code).not.toContain(variant);
    expect(s.redacted).toBe(true);
    expect(s.code).toContain('<redacted>');
  });

  it('says redacted: false when no secret was found', () => {
    expect(gen(listUsers, 'curl', { secrets: ['not-in-there'] }).redacted).toBe(false);
  });

  it('refuses a URL that still holds an unresolved variable origin, and an unknown target', () => {
    expect(generateSnippet({ ...listUsers, url: '{{business_domain}}/api/v1/users' }, 'curl').ok).toBe(false);
    expect(generateSnippet(listUsers, 'cobol' as SnippetTarget).ok).toBe(false);
  });
});

describe('tokenRequestSnippet', () => {
  it.each(TARGETS)('%s: the exchange as Kinde documents it, secret as a placeholder', (target) => {
    const out = tokenRequestSnippet('https://acme.kinde.com/', 'client123', target);
    if (!out.ok) throw new Error(out.errors.join('; '));
    const { code } = out.value;
    expect(code).toContain('https://acme.kinde.com/oauth2/token');
    expect(code).toContain('client_credentials');
    expect(code).toContain('client123');
    expect(code).toContain(CLIENT_SECRET_PLACEHOLDER);
    expect(code).toMatch(/audience/);
    expect(code).not.toContain('<m2m_access_token>');
  });

  it('masks a client secret even if a caller passed it as the client id by mistake', () => {
    const out = tokenRequestSnippet('https://acme.kinde.com', 'real-secret-value', 'go', { secrets: ['real-secret-value'] });
    expect(out.ok && out.value.code).not.toContain('real-secret-value');
  });
});
