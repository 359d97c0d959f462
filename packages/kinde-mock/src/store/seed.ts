import { createRng, type Rng } from './prng.ts';
import { PEOPLE, emailOf } from './people.ts';
import type {
  FeatureFlagRecord,
  MembershipRecord,
  OrganizationRecord,
  PermissionRecord,
  RoleRecord,
  SandboxData,
  UserRecord,
} from './types.ts';

const FROM = '2023-01-01T00:00:00Z';
const TO = '2025-06-30T00:00:00Z';

/** A uuid-shaped id, the form Kinde uses for roles and permissions. */
export function uuidFrom(rng: Rng): string {
  const h = rng.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function seedUsers(rng: Rng): UserRecord[] {
  return PEOPLE.map(([first, last], i) => {
    const created = rng.date(FROM, TO);
    const signIns = rng.int(0, 240);
    return {
      id: `kp_${rng.hex(32)}`,
      provided_id: rng.chance(0.2) ? `ext_${1000 + i}` : null,
      first_name: first,
      last_name: last,
      email: emailOf(first, last),
      phone: rng.chance(0.35) ? `+614${String(rng.int(10_000_000, 99_999_999))}` : null,
      username: rng.chance(0.25) ? `${first.toLowerCase().replace(/[^a-z]/g, '')}${rng.int(1, 99)}` : null,
      picture: `https://gravatar.com/avatar/${rng.hex(32)}?d=blank&size=200`,
      is_suspended: i > 3 && rng.chance(0.08),
      is_password_reset_requested: false,
      total_sign_ins: signIns,
      failed_sign_ins: rng.chance(0.15) ? rng.int(1, 4) : 0,
      last_signed_in: signIns > 0 ? rng.date(created.slice(0, 19) + 'Z', TO) : null,
      created_on: created,
      billing_customer_id: `customer_${rng.hex(32)}`,
    };
  });
}

const ORG_NAMES = ['Acme Corp', 'Globex', 'Initech', 'Umbrella Health', 'Stark Industries', 'Wayne Enterprises'];

function seedOrganizations(rng: Rng): OrganizationRecord[] {
  const org = (name: string, isDefault: boolean): OrganizationRecord => ({
    code: `org_${rng.hex(11)}`,
    name,
    handle: isDefault ? null : name.toLowerCase().replace(/[^a-z]+/g, '_'),
    external_id: !isDefault && rng.chance(0.5) ? `crm_${rng.int(1000, 9999)}` : null,
    is_default: isDefault,
    is_auto_membership_enabled: isDefault,
    created_on: rng.date(FROM, TO),
    billing_customer_id: `customer_${rng.hex(32)}`,
    theme_code: rng.pick(['light', 'dark', 'user_preference'] as const),
  });
  return [org('Default Organization', true), ...ORG_NAMES.map((n) => org(n, false))];
}

const PERMISSIONS: ReadonlyArray<readonly [key: string, name: string]> = [
  ['read:reports', 'Read reports'], ['create:reports', 'Create reports'], ['delete:reports', 'Delete reports'],
  ['read:invoices', 'Read invoices'], ['manage:billing', 'Manage billing'], ['invite:members', 'Invite members'],
  ['remove:members', 'Remove members'], ['read:audit_log', 'Read audit log'], ['manage:settings', 'Manage settings'],
  ['read:projects', 'Read projects'], ['create:projects', 'Create projects'], ['delete:projects', 'Delete projects'],
];

const ROLES: ReadonlyArray<readonly [key: string, name: string, permissionKeys: string[]]> = [
  ['admin', 'Admin', PERMISSIONS.map(([k]) => k)],
  ['manager', 'Manager', ['read:reports', 'create:reports', 'invite:members', 'read:projects', 'create:projects']],
  ['member', 'Member', ['read:reports', 'read:projects']],
  ['billing-admin', 'Billing admin', ['read:invoices', 'manage:billing']],
  ['support', 'Support', ['read:audit_log', 'read:reports']],
  ['viewer', 'Viewer', ['read:projects']],
];

const FLAGS: FeatureFlagRecord[] = [
  { key: 'dark_mode', name: 'Dark mode', description: 'Offer the dark theme.', type: 'bool', allow_override_level: 'usr', default_value: 'false' },
  { key: 'new_dashboard', name: 'New dashboard', description: 'Show the redesigned dashboard.', type: 'bool', allow_override_level: 'org', default_value: 'false' },
  { key: 'max_projects', name: 'Max projects', description: 'Projects allowed per organization.', type: 'int', allow_override_level: 'org', default_value: '5' },
  { key: 'theme', name: 'Theme', description: 'Colour theme name.', type: 'str', allow_override_level: 'env', default_value: 'pink' },
  { key: 'beta_reports', name: 'Beta reports', description: 'Early access to reports.', type: 'bool', allow_override_level: 'usr', default_value: 'true' },
];

function seedMemberships(rng: Rng, users: UserRecord[], orgs: OrganizationRecord[]): MembershipRecord[] {
  const out: MembershipRecord[] = [];
  for (const user of users) {
    const member = (org: OrganizationRecord, roles: string[]) =>
      out.push({
        org_code: org.code,
        user_id: user.id,
        joined_on: rng.date(FROM, TO),
        last_accessed_on: rng.chance(0.8) ? rng.date(FROM, TO) : null,
        roles,
      });
    member(orgs[0]!, []);
    for (const org of orgs.slice(1)) {
      if (rng.chance(0.3)) member(org, [rng.pick(['admin', 'manager', 'member', 'member', 'viewer'])]);
    }
  }
  return out;
}

/** Builds the whole seeded data set; the same seed and client id always give the same data. */
export function createSeedData(seed: number, clientId: string, clientSecret: string): SandboxData {
  const rng = createRng(seed);
  const users = seedUsers(rng);
  const organizations = seedOrganizations(rng);
  const permissions: PermissionRecord[] = PERMISSIONS.map(([key, name]) => ({
    id: uuidFrom(rng),
    key,
    name,
    description: `${name} in the product.`,
  }));
  const byKey = new Map(permissions.map((p) => [p.key, p.id]));
  const roles: RoleRecord[] = ROLES.map(([key, name, perms]) => ({
    id: uuidFrom(rng),
    key,
    name,
    description: `${name} role.`,
    is_default_role: key === 'member',
    permission_ids: perms.map((k) => byKey.get(k)!),
  }));
  return {
    users,
    organizations,
    memberships: seedMemberships(rng, users, organizations),
    roles,
    permissions,
    featureFlags: FLAGS.map((f) => ({ ...f })),
    environmentFlagValues: { theme: 'teal' },
    apis: [
      { id: rng.hex(32), name: 'Kinde Management API', audience: null, is_management_api: true, scopes: [] },
      {
        id: rng.hex(32),
        name: 'Orders API',
        audience: 'https://api.example.com/orders',
        is_management_api: false,
        scopes: ['read:orders', 'create:orders'].map((key) => ({ id: `api_scope_${rng.hex(32)}`, key })),
      },
    ],
    applications: [
      // The sandbox's own M2M app: Kinde shows an app's secret to the management API, so does this.
      { id: clientId, name: 'Kinde API Explorer (sandbox)', type: 'm2m', client_secret: clientSecret, login_uri: null, homepage_uri: null },
      { id: rng.hex(32), name: 'Storefront', type: 'reg', client_secret: rng.hex(52), login_uri: 'https://shop.example.com/api/auth/login', homepage_uri: 'https://shop.example.com' },
      { id: rng.hex(32), name: 'Admin console', type: 'spa', client_secret: '', login_uri: 'https://admin.example.com/login', homepage_uri: 'https://admin.example.com' },
      { id: rng.hex(32), name: 'Nightly sync job', type: 'm2m', client_secret: rng.hex(52), login_uri: null, homepage_uri: null },
    ],
  };
}
