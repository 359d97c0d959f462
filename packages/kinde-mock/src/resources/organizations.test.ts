import { describe, expect, it } from 'vitest';
import { sandboxJsonClient } from '../test-support.ts';

// Loose typing: these tests read response bodies field by field.
type Json = Record<string, any>;

describe('organizations', () => {
  const client = sandboxJsonClient();
  const req = client.req;

  it('lists organizations with the default one first, sorted on request', async () => {
    const { body } = await req('GET', '/api/v1/organizations');
    expect(body.organizations[0]).toMatchObject({ name: 'Default Organization', is_default: true });
    expect(body.organizations[0].code).toMatch(/^org_[0-9a-f]{11}$/);
    const sorted = await req('GET', '/api/v1/organizations?sort=name_desc&page_size=500');
    const names = sorted.body.organizations.map((o: Json) => o.name);
    expect(names).toEqual([...names].sort().reverse());
  });

  it('creates one that GET /organization?code= then returns, and refuses a missing name', async () => {
    const created = await req('POST', '/api/v1/organization', { name: 'Cyberdyne', external_id: 'crm_1' });
    expect(created).toMatchObject({ status: 200, body: { code: 'OK', organization: { code: expect.stringMatching(/^org_/) } } });
    const code = created.body.organization.code;
    const got = await req('GET', `/api/v1/organization?code=${code}`);
    expect(got.body).toMatchObject({ code, name: 'Cyberdyne', external_id: 'crm_1', is_default: false });
    expect((await req('POST', '/api/v1/organization', {})).status).toBe(400);
  });

  it('updates and deletes, but keeps the default organization', async () => {
    const [def, acme] = client.sandbox.context.store.data.organizations;
    expect((await req('PATCH', `/api/v1/organization/${acme!.code}`, { name: 'Acme Inc' })).body).toEqual({ code: 'OK', message: 'Success' });
    expect((await req('GET', `/api/v1/organization?code=${acme!.code}`)).body.name).toBe('Acme Inc');
    expect((await req('DELETE', `/api/v1/organization/${acme!.code}`)).status).toBe(200);
    expect((await req('GET', `/api/v1/organization?code=${acme!.code}`)).status).toBe(400);
    expect((await req('DELETE', `/api/v1/organization/${def!.code}`)).status).toBe(400);
  });

  it('lists, adds and removes organization users', async () => {
    const org = client.sandbox.context.store.data.organizations[1]!;
    const before = await req('GET', `/api/v1/organizations/${org.code}/users?page_size=500`);
    expect(before.body.organization_users[0]).toMatchObject({ id: expect.stringMatching(/^kp_/), full_name: expect.any(String), roles: expect.any(Array) });
    const outsider = client.sandbox.context.store.data.users.find(
      (u) => !before.body.organization_users.some((m: Json) => m.id === u.id),
    )!;
    const added = await req('POST', `/api/v1/organizations/${org.code}/users`, { users: [{ id: outsider.id, roles: ['manager'] }] });
    expect(added.body.users_added).toEqual([outsider.id]);
    const managers = await req('GET', `/api/v1/organizations/${org.code}/users?roles=manager&page_size=500`);
    expect(managers.body.organization_users.map((m: Json) => m.id)).toContain(outsider.id);
    expect((await req('DELETE', `/api/v1/organizations/${org.code}/users/${outsider.id}`)).status).toBe(200);
    const after = await req('GET', `/api/v1/organizations/${org.code}/users?page_size=500`);
    expect(after.body.organization_users).toHaveLength(before.body.organization_users.length);
  });
});
