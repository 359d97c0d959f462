import { describe, expect, it } from 'vitest';
import { sandboxJsonClient } from '../test-support.ts';

// Loose typing: these tests read response bodies field by field.
type Json = Record<string, any>;

describe('roles and permissions', () => {
  const client = sandboxJsonClient();
  const req = client.req;

  it('creates a role (201) that the list then shows, and refuses a duplicate key', async () => {
    const created = await req('POST', '/api/v1/roles', { name: 'Auditor', key: 'auditor' });
    expect(created.status).toBe(201);
    const roles = await req('GET', '/api/v1/roles?page_size=500');
    expect(roles.body.roles).toContainEqual({ id: created.body.role.id, key: 'auditor', name: 'Auditor', is_default_role: false });
    expect((await req('POST', '/api/v1/roles', { name: 'Again', key: 'auditor' })).status).toBe(400);
  });

  it('attaches and detaches permissions of a role', async () => {
    const role = client.sandbox.context.store.data.roles.find((r) => r.key === 'viewer')!;
    const created = await req('POST', '/api/v1/permissions', { name: 'Export data', key: 'export:data' });
    expect(created).toEqual({ status: 201, body: { code: 'OK', message: 'Success' } });
    const perms = await req('GET', '/api/v1/permissions?page_size=500');
    const exportId = perms.body.permissions.find((p: Json) => p.key === 'export:data').id;
    const patched = await req('PATCH', `/api/v1/roles/${role.id}/permissions`, { permissions: [{ id: exportId }] });
    expect(patched.body.permissions_added).toEqual([exportId]);
    const list = await req('GET', `/api/v1/roles/${role.id}/permissions`);
    expect(list.body.permissions.map((p: Json) => p.key)).toEqual(['read:projects', 'export:data']);
    await req('DELETE', `/api/v1/roles/${role.id}/permissions/${exportId}`);
    expect((await req('GET', `/api/v1/roles/${role.id}/permissions`)).body.permissions).toHaveLength(1);
  });

  it('deleting a permission removes it from roles', async () => {
    const admin = client.sandbox.context.store.data.roles.find((r) => r.key === 'admin')!;
    const before = (await req('GET', `/api/v1/roles/${admin.id}/permissions?page_size=500`)).body.permissions;
    await req('DELETE', `/api/v1/permissions/${before[0].id}`);
    const after = (await req('GET', `/api/v1/roles/${admin.id}/permissions?page_size=500`)).body.permissions;
    expect(after).toHaveLength(before.length - 1);
  });
});
