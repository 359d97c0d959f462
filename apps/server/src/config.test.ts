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
    expect(c).toMatchObject({ port: 8787, host: '127.0.0.1', sandboxPort: 8788, sandbox: true, logLevel: 'info', dataDir: dir, kindeSpec: undefined });
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
    });
    expect(loadConfig({ DATA_DIR: base, KINDE_SPEC: 'https://example.test/spec.yaml' }).kindeSpec).toBe('https://example.test/spec.yaml');
  });

  it('lists every bad value with what is expected', () => {
    let error: unknown;
    try {
      loadConfig({ DATA_DIR: tempDir(), PORT: 'eighty', SANDBOX_PORT: '70000', SANDBOX: 'maybe', LOG_LEVEL: 'loud', EXPLORER_SECRET_KEY: 'short', EXPLORER_TRUSTED_PROXIES: '127.0.0.1, nginx' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT: must be a number/);
    expect(message).toMatch(/SANDBOX_PORT: must be between 0 and 65535/);
    expect(message).toMatch(/SANDBOX: must be "on" or "off"/);
    expect(message).toMatch(/LOG_LEVEL: must be one of/);
    expect(message).toMatch(/EXPLORER_SECRET_KEY: must be at least 16 characters/);
    expect(message).toMatch(/EXPLORER_TRUSTED_PROXIES: "nginx": not an IP address or CIDR range/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATA_DIR: tempDir(), PORT: '', KINDE_SPEC: ' ', EXPLORER_TRUSTED_PROXIES: '' })).toMatchObject({ port: 8787, kindeSpec: undefined, trustedProxies: [] });
  });
});
