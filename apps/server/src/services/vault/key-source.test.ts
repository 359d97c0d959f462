import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEY_FILE_NAME, loadVaultKey } from './key-source.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'explorer-key-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('loadVaultKey', () => {
  it('generates a 32-byte key file with mode 0600 and reuses it', () => {
    const dir = tempDir();
    const first = loadVaultKey({ dataDir: dir });
    expect(first.origin).toBe('file-created');
    expect(first.key).toHaveLength(32);
    expect(statSync(join(dir, KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
    const second = loadVaultKey({ dataDir: dir });
    expect(second.origin).toBe('file');
    expect(second.key.equals(first.key)).toBe(true);
    expect(second.warnings).toEqual([]);
  });

  it('warns when the key file is readable by others', () => {
    const dir = tempDir();
    loadVaultKey({ dataDir: dir });
    chmodSync(join(dir, KEY_FILE_NAME), 0o644);
    expect(loadVaultKey({ dataDir: dir }).warnings.join()).toMatch(/mode 644.*chmod 600/);
  });

  it('prefers EXPLORER_SECRET_KEY and writes no file then', () => {
    const dir = tempDir();
    const k = loadVaultKey({ dataDir: dir, secretKey: 'a long enough passphrase' });
    expect(k.origin).toBe('env');
    expect(() => readFileSync(join(dir, KEY_FILE_NAME))).toThrow();
  });

  it('refuses a damaged key file instead of silently making a new key', () => {
    const dir = tempDir();
    writeFileSync(join(dir, KEY_FILE_NAME), 'not a key', { mode: 0o600 });
    expect(() => loadVaultKey({ dataDir: dir })).toThrow(/32-byte/);
  });
});
