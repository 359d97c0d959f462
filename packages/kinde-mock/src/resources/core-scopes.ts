/** Scopes the stateful routes check, granted by default even without a spec. */
export const CORE_SCOPES: readonly string[] = [
  'read:users', 'create:users', 'update:users', 'delete:users',
  'read:organizations', 'create:organizations', 'update:organizations', 'delete:organizations',
  'read:organization_users', 'create:organization_users', 'delete:organization_users',
  'read:roles', 'create:roles', 'update:roles', 'delete:roles',
  'read:role_permissions', 'update:role_permissions', 'delete:role_permissions',
  'read:permissions', 'create:permissions', 'update:permissions', 'delete:permissions',
  'create:feature_flags', 'update:feature_flags', 'delete:feature_flags',
  'read:environment_feature_flags', 'update:environment_feature_flags', 'delete:environment_feature_flags',
  'read:apis', 'create:apis', 'delete:apis',
  'read:applications', 'create:applications', 'delete:applications',
];
