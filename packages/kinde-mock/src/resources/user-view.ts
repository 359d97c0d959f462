import type { SandboxData, UserRecord } from '../store/types.ts';

/** Expansions Kinde offers on user reads (`expand=organizations,identities,billing`). */
export interface UserExpand {
  organizations: boolean;
  identities: boolean;
  billing: boolean;
}

export function parseExpand(raw: string | undefined): UserExpand {
  const parts = new Set((raw ?? '').split(',').map((s) => s.trim().toLowerCase()));
  return { organizations: parts.has('organizations'), identities: parts.has('identities'), billing: parts.has('billing') };
}

export function identitiesOf(u: UserRecord): { type: string; identity: string }[] {
  const out: { type: string; identity: string }[] = [];
  if (u.email) out.push({ type: 'email', identity: u.email });
  if (u.phone) out.push({ type: 'phone', identity: u.phone });
  if (u.username) out.push({ type: 'username', identity: u.username });
  return out;
}

function orgCodesOf(data: SandboxData, userId: string): string[] {
  return data.memberships.filter((m) => m.user_id === userId).map((m) => m.org_code);
}

function common(u: UserRecord) {
  return {
    id: u.id,
    provided_id: u.provided_id,
    phone: u.phone,
    username: u.username,
    last_name: u.last_name,
    first_name: u.first_name,
    is_suspended: u.is_suspended,
    picture: u.picture,
    total_sign_ins: u.total_sign_ins,
    failed_sign_ins: u.failed_sign_ins,
    last_signed_in: u.last_signed_in,
    created_on: u.created_on,
  };
}

function expansions(data: SandboxData, u: UserRecord, expand: UserExpand) {
  return {
    ...(expand.organizations ? { organizations: orgCodesOf(data, u.id) } : {}),
    ...(expand.identities ? { identities: identitiesOf(u) } : {}),
    ...(expand.billing ? { billing: { customer_id: u.billing_customer_id } } : {}),
  };
}

/** A user as `GET /api/v1/users` lists it (users_response.users[]). */
export function userListItem(data: SandboxData, u: UserRecord, expand: UserExpand) {
  return { ...common(u), email: u.email, ...expansions(data, u, expand) };
}

/** A user as `GET /api/v1/user` returns it (the `user` schema: `preferred_email`). */
export function userDetail(data: SandboxData, u: UserRecord, expand: UserExpand) {
  return { ...common(u), preferred_email: u.email, ...expansions(data, u, expand) };
}
