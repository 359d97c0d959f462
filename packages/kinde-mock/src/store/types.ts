/** Stored shapes; routes map them onto Kinde's response schemas. */
export interface UserRecord {
  id: string;
  provided_id: string | null;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  username: string | null;
  picture: string | null;
  is_suspended: boolean;
  is_password_reset_requested: boolean;
  total_sign_ins: number;
  failed_sign_ins: number;
  last_signed_in: string | null;
  created_on: string;
  billing_customer_id: string;
}

export interface OrganizationRecord {
  code: string;
  name: string;
  handle: string | null;
  external_id: string | null;
  is_default: boolean;
  is_auto_membership_enabled: boolean;
  created_on: string;
  billing_customer_id: string;
  theme_code: 'light' | 'dark' | 'user_preference';
}

export interface MembershipRecord {
  org_code: string;
  user_id: string;
  joined_on: string;
  last_accessed_on: string | null;
  roles: string[]; // role keys
}

export interface RoleRecord {
  id: string;
  key: string;
  name: string;
  description: string;
  is_default_role: boolean;
  permission_ids: string[];
}

export interface PermissionRecord {
  id: string;
  key: string;
  name: string;
  description: string;
}

export type FlagType = 'str' | 'int' | 'bool';

export interface FeatureFlagRecord {
  key: string;
  name: string;
  description: string;
  type: FlagType;
  allow_override_level: 'env' | 'org' | 'usr';
  default_value: string;
}

export interface ApiRecord {
  id: string;
  name: string;
  /** `null` means the sandbox's own `{origin}/api`, known only per request. */
  audience: string | null;
  is_management_api: boolean;
  scopes: { id: string; key: string }[];
}

export interface ApplicationRecord {
  id: string;
  name: string;
  type: 'reg' | 'spa' | 'm2m' | 'device';
  client_secret: string;
  login_uri: string | null;
  homepage_uri: string | null;
}

export interface SandboxData {
  users: UserRecord[];
  organizations: OrganizationRecord[];
  memberships: MembershipRecord[];
  roles: RoleRecord[];
  permissions: PermissionRecord[];
  featureFlags: FeatureFlagRecord[];
  /** Environment-level overrides by flag key. */
  environmentFlagValues: Record<string, string>;
  apis: ApiRecord[];
  applications: ApplicationRecord[];
}
