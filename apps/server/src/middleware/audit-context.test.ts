import { Hono } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import type { AuditInput } from '../services/audit/index.ts';
import { audit } from './audit-context.ts';

describe('audit()', () => {
  const call = async (enabled: boolean) => {
    const record = vi.fn<(input: AuditInput) => void>();
    const event = vi.fn(() => ({ action: 'send' as const, target: 'GET /api/v1/users' }));
    const app = new Hono().get('/', (c) => {
      c.set('actor', null);
      audit(c, { enabled, record }, event);
      return c.text('ok');
    });
    expect((await app.request('/')).status).toBe(200);
    return { record, event };
  };

  it('builds and records nothing while the audit log is off (sign-in off)', async () => {
    const { record, event } = await call(false);
    expect(event).not.toHaveBeenCalled();
    expect(record).not.toHaveBeenCalled();
  });

  it('builds the event once and records it with the actor and client when the log is on', async () => {
    const { record, event } = await call(true);
    expect(event).toHaveBeenCalledTimes(1);
    expect(record).toHaveBeenCalledWith({ actor: null, client: 'unknown', action: 'send', target: 'GET /api/v1/users' });
  });
});
