import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachEngine, openTestDatabase, type TestDatabase } from '../../testing/engines.ts';
import { SecretRegistry } from '../vault/secret-registry.ts';
import { createAuditService } from './audit-service.ts';
import { auditQuerySchema } from './schemas.ts';

const ann = { id: 'a1', email: 'ann@example.com', role: 'editor' };
const bob = { id: 'b2', email: 'bob@example.com', role: 'viewer' };
const query = (q: Record<string, string> = {}) => auditQuerySchema.parse(q);

describeEachEngine('audit service', (engine) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await openTestDatabase(engine);
  });
  afterEach(() => t.drop());

  it('queues without touching the database, then writes in one batch that every instance reads', async () => {
    const audit = createAuditService({ data: t.data }, { flushDelayMs: 60_000 });
    for (let i = 0; i < 50; i++) audit.record({ action: 'send', actor: ann, target: `GET /api/v1/users/${i}`, detail: { status: 200 } });
    expect(await t.data.db.selectFrom('audit_events').selectAll().execute()).toHaveLength(0);
    const other = createAuditService({ data: await t.reopen() });
    await audit.flush();
    const { events, nextBefore } = await other.list(query({ limit: '20' }));
    expect(events).toHaveLength(20);
    // Newest first, in the order they were recorded.
    expect(events[0]).toMatchObject({ action: 'send', target: 'GET /api/v1/users/49', actor: ann, outcome: 'success', detail: { status: 200 } });
    expect(events[19]!.target).toBe('GET /api/v1/users/30');
    const next = await other.list(query({ limit: '20', before: nextBefore! }));
    expect(next.events[0]!.target).toBe('GET /api/v1/users/29');
    await audit.close();
  });

  it('filters by action, actor, outcome, environment and time, and exports the same as JSON lines', async () => {
    let now = Date.parse('2026-03-01T10:00:00Z');
    const audit = createAuditService({ data: t.data }, { now: () => now });
    audit.record({ action: 'auth.sign_in', actor: ann });
    now += 60_000;
    audit.record({ action: 'auth.sign_in', outcome: 'failure', actor: null, target: 'bob@example.com' });
    now += 60_000;
    audit.record({ action: 'send', actor: bob, environment: { id: 'env-1', name: 'Production' }, target: 'GET /api/v1/users' });
    now += 60_000;
    audit.record({ action: 'environment.updated', actor: ann, environment: { id: 'env-1', name: 'Production' }, detail: { secretsChanged: ['KINDE_CLIENT_SECRET'] } });
    const targets = async (q: Record<string, string>) => (await audit.list(query(q))).events.map((e) => `${e.action}:${e.actor.email ?? e.target}`);
    expect(await targets({ action: 'auth.sign_in' })).toEqual(['auth.sign_in:bob@example.com', 'auth.sign_in:ann@example.com']);
    expect(await targets({ actor: 'ANN@example.com' })).toEqual(['environment.updated:ann@example.com', 'auth.sign_in:ann@example.com']);
    expect(await targets({ actor: 'b2' })).toEqual(['send:bob@example.com']);
    expect(await targets({ outcome: 'failure' })).toEqual(['auth.sign_in:bob@example.com']);
    expect(await targets({ environmentId: 'env-1', action: 'send,environment.updated' })).toHaveLength(2);
    expect(await targets({ since: '2026-03-01T10:01:00Z', until: '2026-03-01T10:03:00Z' })).toEqual(['send:bob@example.com', 'auth.sign_in:bob@example.com']);
    const lines = [];
    for await (const line of audit.exportLines(query({ action: 'send,environment.updated' }))) lines.push(line);
    expect(lines.every((l) => l.endsWith('\n'))).toBe(true);
    expect(lines.map((l) => JSON.parse(l).action)).toEqual(['environment.updated', 'send']);
    expect(JSON.parse(lines[0]!)).toMatchObject({ environment: { id: 'env-1', name: 'Production' }, detail: { secretsChanged: ['KINDE_CLIENT_SECRET'] } });
  });

  it('scrubs every secret the server knows from what it writes, whatever a caller put in', async () => {
    const secrets = new SecretRegistry();
    secrets.add('canary-secret-value-9f2c');
    const audit = createAuditService({ data: t.data, secrets });
    audit.record({ action: 'send', actor: ann, target: 'GET /api/v1/canary-secret-value-9f2c', detail: { note: 'x canary-secret-value-9f2c' } });
    await audit.flush();
    expect(JSON.stringify(await t.data.db.selectFrom('audit_events').selectAll().execute())).not.toContain('canary-secret-value-9f2c');
  });

  it('refuses a query with a malformed time or an unknown action with a message that says what to send', () => {
    expect(() => query({ since: 'yesterday' })).toThrow(/ISO time/);
    expect(auditQuerySchema.safeParse({ action: 'send,nonsense' }).success).toBe(false);
  });
});
