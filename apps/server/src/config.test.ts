import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'explorer-config-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('loadConfig', () => {
  it('applies the documented defaults and creates DATA_DIR', () => {
    const dir = join(tempDir(), 'nested', 'data');
    const c = loadConfig({ DATA_DIR: dir });
    expect(c).toMatchObject({ port: 8787, host: '127.0.0.1', sandboxPort: 8788, sandbox: true, logLevel: 'info', dataDir: dir, kindeSpec: undefined, historyWriter: 'worker' });
    expect(statSync(dir).isDirectory()).toBe(true);
  });

  it('reads every variable, resolving relative paths from where the command was typed', () => {
    const base = tempDir();
    const c = loadConfig({
      INIT_CWD: base,
      PORT: '9000',
      HOST: '0.0.0.0',
      DATA_DIR: 'data',
      KINDE_SPEC: '../specs/kinde.yaml',
      SANDBOX: 'off',
      SANDBOX_PORT: '0',
      EXPLORER_ACCESS_PASSWORD: 'long enough',
      EXPLORER_ALLOWED_HOSTS: 'Explorer.LAN:9000, other',
      EXPLORER_TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8',
      LOG_LEVEL: 'DEBUG',
      LOG_FILE: 'server.log',
      HISTORY_WRITER: 'Inline',
    });
    expect(c).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      dataDir: join(base, 'data'),
      kindeSpec: join(base, '..', 'specs', 'kinde.yaml'),
      sandbox: false,
      sandboxPort: 0,
      accessPassword: 'long enough',
      allowedHosts: ['explorer.lan:9000', 'other'],
      trustedProxies: ['127.0.0.1', '10.0.0.0/8'],
      logLevel: 'debug',
      logFile: join(base, 'server.log'),
      historyWriter: 'inline',
    });
    expect(loadConfig({ DATA_DIR: base, KINDE_SPEC: 'https://example.test/spec.yaml' }).kindeSpec).toBe('https://example.test/spec.yaml');
  });

  it('lists every bad value with what is expected', () => {
    let error: unknown;
    try {
      loadConfig({ DATA_DIR: tempDir(), PORT: 'eighty', SANDBOX_PORT: '70000', SANDBOX: 'maybe', LOG_LEVEL: 'loud', HISTORY_WRITER: 'thread', EXPLORER_SECRET_KEY: 'short', EXPLORER_TRUSTED_PROXIES: '127.0.0.1, nginx' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT: must be a number/);
    expect(message).toMatch(/SANDBOX_PORT: must be between 0 and 65535/);
    expect(message).toMatch(/SANDBOX: must be "on" or "off"/);
    expect(message).toMatch(/LOG_LEVEL: must be one of/);
    expect(message).toMatch(/HISTORY_WRITER: must be "worker" or "inline"/);
    expect(message).toMatch(/EXPLORER_SECRET_KEY: must be at least 16 characters/);
    expect(message).toMatch(/EXPLORER_TRUSTED_PROXIES: "nginx": not an IP address or CIDR range/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATA_DIR: tempDir(), PORT: '', KINDE_SPEC: ' ', EXPLORER_TRUSTED_PROXIES: '' })).toMatchObject({ port: 8787, kindeSpec: undefined, trustedProxies: [] });
  });

  it('reads Sign in with Kinde: all three variables or none, https issuers (http on loopback only), and it turns named accounts on', () => {
    const dir = tempDir();
    const kinde = { EXPLORER_OIDC_ISSUER: 'https://acme.kinde.com/', EXPLORER_OIDC_CLIENT_ID: 'web_app', EXPLORER_OIDC_CLIENT_SECRET: 'web-secret' };
    expect(loadConfig({ DATA_DIR: dir, ...kinde, EXPLORER_PUBLIC_URL: 'https://explorer.example.com' })).toMatchObject({
      accounts: true,
      publicUrl: 'https://explorer.example.com',
      oidc: { issuer: 'https://acme.kinde.com', clientId: 'web_app', clientSecret: 'web-secret', defaultRole: undefined },
    });
    expect(loadConfig({ DATA_DIR: dir }).oidc).toBeUndefined();
    expect(loadConfig({ DATA_DIR: dir, ...kinde, EXPLORER_OIDC_ISSUER: 'http://127.0.0.1:8788' }).oidc?.issuer).toBe('http://127.0.0.1:8788');
    expect(() => loadConfig({ DATA_DIR: dir, EXPLORER_OIDC_ISSUER: 'https://acme.kinde.com' })).toThrow(/set EXPLORER_OIDC_ISSUER, EXPLORER_OIDC_CLIENT_ID and EXPLORER_OIDC_CLIENT_SECRET together/);
    expect(() => loadConfig({ DATA_DIR: dir, ...kinde, EXPLORER_OIDC_ISSUER: 'http://acme.kinde.com' })).toThrow(/EXPLORER_OIDC_ISSUER: must be an https:\/\/ URL/);
    expect(() => loadConfig({ DATA_DIR: dir, ...kinde, EXPLORER_OIDC_ISSUER: 'https://acme.kinde.com/oauth2' })).toThrow(/must be an origin without a path/);
    expect(() => loadConfig({ DATA_DIR: dir, ...kinde, EXPLORER_OIDC_DEFAULT_ROLE: 'owner' })).toThrow(/EXPLORER_OIDC_DEFAULT_ROLE: must be "viewer" or "editor"/);
  });

  it('never puts the Kinde client secret in a configuration error', () => {
    let message = '';
    try {
      loadConfig({ DATA_DIR: tempDir(), EXPLORER_OIDC_CLIENT_SECRET: 'canary-oidc-secret-19', EXPLORER_OIDC_ISSUER: 'ftp://x' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('EXPLORER_OIDC_ISSUER');
    expect(message).not.toContain('canary-oidc-secret-19');
  });
});
