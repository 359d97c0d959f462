import { ApiError } from '../errors.ts';
import type { Store } from '../store/store.ts';
import type { UserRecord } from '../store/types.ts';
import { optionalString } from './helpers.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{6,20}$/;

interface IdentityInput {
  type: 'email' | 'phone' | 'username';
  value: string;
}

function parseIdentities(raw: unknown): IdentityInput[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new ApiError(400, 'INVALID_FIELD', '"identities" must be an array.');
  return raw.map((item, i) => {
    const entry = (item ?? {}) as { type?: unknown; details?: Record<string, unknown> };
    const details = entry.details ?? {};
    switch (entry.type) {
      case 'email': {
        const email = String(details.email ?? '').trim().toLowerCase();
        if (!EMAIL.test(email)) throw new ApiError(400, 'INVALID_EMAIL', `identities[${i}].details.email is not a valid email address.`);
        return { type: 'email', value: email };
      }
      case 'phone': {
        const phone = String(details.phone ?? '').trim();
        if (!PHONE.test(phone)) throw new ApiError(400, 'INVALID_PHONE', `identities[${i}].details.phone is not a valid phone number.`);
        return { type: 'phone', value: phone };
      }
      case 'username': {
        const username = String(details.username ?? '').trim();
        if (!username) throw new ApiError(400, 'INVALID_USERNAME', `identities[${i}].details.username is required.`);
        return { type: 'username', value: username };
      }
      default:
        throw new ApiError(400, 'INVALID_IDENTITY_TYPE', `identities[${i}].type must be one of email, phone, username.`);
    }
  });
}

/** Validates a `POST /api/v1/user` body and stores the user; answers create_user_response. */
export function createUser(store: Store, body: Record<string, unknown>) {
  const data = store.data;
  const profile = (body.profile ?? {}) as Record<string, unknown>;
  if (typeof profile !== 'object' || Array.isArray(profile)) {
    throw new ApiError(400, 'INVALID_FIELD', '"profile" must be an object.');
  }
  const identities = parseIdentities(body.identities);
  const orgCode = optionalString(body, 'organization_code');
  if (orgCode && !data.organizations.some((o) => o.code === orgCode)) {
    throw new ApiError(400, 'ORGANIZATION_INVALID', `No organization with code "${orgCode}".`);
  }
  for (const identity of identities) {
    const taken = data.users.some((u) => u[identity.type] === identity.value);
    if (taken) throw new ApiError(400, 'IDENTITY_ALREADY_EXISTS', `A user with ${identity.type} "${identity.value}" already exists.`);
  }
  const find = (type: IdentityInput['type']) => identities.find((i) => i.type === type)?.value ?? null;
  const user: UserRecord = {
    id: `kp_${store.rng.hex(32)}`,
    provided_id: optionalString(body, 'provided_id') ?? null,
    first_name: optionalString(profile, 'given_name') ?? '',
    last_name: optionalString(profile, 'family_name') ?? '',
    email: find('email'),
    phone: find('phone'),
    username: find('username'),
    picture: optionalString(profile, 'picture') ?? null,
    is_suspended: false,
    is_password_reset_requested: false,
    total_sign_ins: 0,
    failed_sign_ins: 0,
    last_signed_in: null,
    created_on: store.now(),
    billing_customer_id: `customer_${store.rng.hex(32)}`,
  };
  data.users.push(user);
  const joined = store.now();
  const defaultOrg = data.organizations.find((o) => o.is_default);
  for (const code of new Set([defaultOrg?.code, orgCode].filter((x): x is string => !!x))) {
    data.memberships.push({ org_code: code, user_id: user.id, joined_on: joined, last_accessed_on: null, roles: [] });
  }
  return {
    id: user.id,
    created: true,
    identities: identities.map((i) => ({ type: i.type, result: { created: true } })),
  };
}
