import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accessLogger, createLogger } from './logger.ts';
import { SecretRegistry } from './services/vault/secret-registry.ts';
import { createTestApp } from './testing/create-test-app.ts';

const collect = () => {
  const lines: string[] = [];
  return { lines, sink: { write: (l: string) => void lines.push(l) } };
};

describe('logger', () => {
  it('redacts credential fields wherever they sit', async () => {
    const { lines, sink } = collect();
    const log = createLogger({ level: 'info', secrets: new SecretRegistry(), sink });
    log.info({ client_secret: 'aaa', req: { headers: { authorization: 'Bearer x.y.z', cookie: 's=1' } }, body: { access_token: 't0k' } }, 'hello');
    const entry = JSON.parse(lines[0]!);
    expect(entry.client_secret).toBe('[REDACTED]');
    expect(entry.req.headers).toEqual({ authorization: '[REDACTED]', cookie: '[REDACTED]' });
    expect(entry.body.access_token).toBe('[REDACTED]');
  });

  it('scrubs registered secret values from messages, errors and any field', async () => {
    const { lines, sink } = collect();
    const secrets = new SecretRegistry();
    const log = createLogger({ level: 'info', secrets, sink });
    secrets.add('sup3r-s3cret"with-quote');
    log.error({ err: new Error('upstream said sup3r-s3cret"with-quote is wrong'), note: 'x sup3r-s3cret"with-quote' }, 'failed with sup3r-s3cret"with-quote');
    expect(lines[0]).not.toContain('sup3r-s3cret');
    expect(JSON.parse(lines[0]!).msg).toBe('failed with [REDACTED]');
  });

  it('writes the per-request line to the same place, still scrubbing known secrets and keeping the level', async () => {
    const { lines, sink } = collect();
    const secrets = new SecretRegistry();
    secrets.add('path-secret-value');
    const access = accessLogger(createLogger({ level: 'info', secrets, sink }));
    access.info({ method: 'GET', path: '/api/x/path-secret-value', status: 404, ms: 1 }, 'request');
    access.debug({ path: '/below-the-level' }, 'request');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ path: '/api/x/[REDACTED]', status: 404, msg: 'request' });
  });

  it('also writes to LOG_FILE when given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'explorer-log-'));
    const file = join(dir, 'logs', 'server.log');
    const secrets = new SecretRegistry();
    secrets.add('file-secret-value');
    const log = createLogger({ level: 'info', secrets, file, sink: { write: () => {} } });
    log.info('token file-secret-value');
    await new Promise((r) => setTimeout(r, 50));
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('token [REDACTED]');
    rmSync(dir, { recursive: true, force: true });
  });

  it('logs one line per request with method, path, status and duration, never the query or body', async () => {
    const t = await createTestApp();
    await t.request('/api/environments?secret=qqq', { method: 'POST', json: { name: 'body-marker', variables: [] } });
    const line = t.logLines.map((l) => JSON.parse(l)).find((l) => l.msg === 'request');
    expect(line).toMatchObject({ method: 'POST', path: '/api/environments', status: 201, ms: expect.any(Number) });
    expect(t.logLines.join('')).not.toMatch(/qqq|body-marker/);
    t.close();
  });
});
