import { ApiError } from '../errors.ts';
import type { Store } from '../store/store.ts';
import type { OrganizationRecord, PermissionRecord, RoleRecord, UserRecord } from '../store/types.ts';

/** Finders that answer Kinde-style 400s (the spec lists no 404 for these reads). */
export function findUser(store: Store, id: string): UserRecord {
  const user = store.data.users.find((u) => u.id === id);
  if (!user) throw new ApiError(400, 'USER_INVALID', `No user with id "${id}".`);
  return user;
}

export function findOrganization(store: Store, code: string): OrganizationRecord {
  const org = store.data.organizations.find((o) => o.code === code);
  if (!org) throw new ApiError(400, 'ORGANIZATION_INVALID', `No organization with code "${code}".`);
  return org;
}

export function findRole(store: Store, id: string): RoleRecord {
  const role = store.data.roles.find((r) => r.id === id);
  if (!role) throw new ApiError(400, 'ROLE_INVALID', `No role with id "${id}".`);
  return role;
}

export function findPermission(store: Store, id: string): PermissionRecord {
  const permission = store.data.permissions.find((p) => p.id === id);
  if (!permission) throw new ApiError(400, 'PERMISSION_INVALID', `No permission with id "${id}".`);
  return permission;
}
