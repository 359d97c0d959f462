import { Hono } from 'hono';
import { requireScope } from '../auth/scope.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { paginate } from '../store/paginate.ts';
import type { Store } from '../store/store.ts';
import type { OrganizationRecord } from '../store/types.ts';
import { OK, listBody, optionalBoolean, optionalString, readJsonObject, requiredQuery, requiredString, sortBy } from './helpers.ts';
import { findOrganization } from './lookups.ts';
import { organizationUserRoutes } from './organization-users.ts';

const THEMES = ['light', 'dark', 'user_preference'] as const;

function listItem(o: OrganizationRecord) {
  return {
    code: o.code,
    name: o.name,
    handle: o.handle,
    is_default: o.is_default,
    external_id: o.external_id,
    is_auto_membership_enabled: o.is_auto_membership_enabled,
  };
}

function detail(o: OrganizationRecord) {
  return {
    ...listItem(o),
    logo: null,
    logo_dark: null,
    favicon_svg: null,
    favicon_fallback: null,
    allowed_domains: [],
    link_color: null,
    background_color: null,
    button_color: null,
    button_text_color: null,
    link_color_dark: null,
    background_color_dark: null,
    button_text_color_dark: null,
    button_color_dark: null,
    button_border_radius: null,
    card_border_radius: null,
    input_border_radius: null,
    theme_code: o.theme_code,
    color_scheme: o.theme_code === 'user_preference' ? 'light dark' : o.theme_code,
    created_on: o.created_on,
    is_allow_registrations: null,
    sender_name: null,
    sender_email: null,
    is_suspended: false,
    suspended_on: null,
    billing: { billing_customer_id: o.billing_customer_id, agreements: [] },
  };
}

function applyUpdates(o: OrganizationRecord, body: Record<string, unknown>) {
  const name = optionalString(body, 'name');
  if (name !== undefined) {
    if (!name.trim()) throw new ApiError(400, 'INVALID_FIELD', '"name" must not be empty.');
    o.name = name;
  }
  const externalId = optionalString(body, 'external_id');
  if (externalId !== undefined) o.external_id = externalId;
  const handle = optionalString(body, 'handle');
  if (handle !== undefined) o.handle = handle;
  const theme = optionalString(body, 'theme_code');
  if (theme !== undefined) {
    if (!(THEMES as readonly string[]).includes(theme)) throw new ApiError(400, 'INVALID_FIELD', `"theme_code" must be one of ${THEMES.join(', ')}.`);
    o.theme_code = theme as OrganizationRecord['theme_code'];
  }
  const auto = optionalBoolean(body, 'is_auto_membership_enabled');
  if (auto !== undefined) o.is_auto_membership_enabled = auto;
}

/** Organizations: list, create, read by code, update, delete, and their users. */
export function organizationRoutes(store: Store) {
  return new Hono<AppEnv>()
    .get('/api/v1/organizations', requireScope('read:organizations'), (c) => {
      const sorted = sortBy(store.data.organizations, c.req.query('sort'), { name: (o) => o.name, code: (o) => o.code });
      return c.json(listBody('organizations', paginate(sorted.map(listItem), c.req.query())));
    })
    .post('/api/v1/organization', requireScope('create:organizations'), async (c) => {
      const body = await readJsonObject(c);
      const org: OrganizationRecord = {
        code: `org_${store.rng.hex(11)}`,
        name: requiredString(body, 'name'),
        handle: null,
        external_id: null,
        is_default: false,
        is_auto_membership_enabled: false,
        created_on: store.now(),
        billing_customer_id: `customer_${store.rng.hex(32)}`,
        theme_code: 'light',
      };
      applyUpdates(org, body);
      store.data.organizations.push(org);
      return c.json({ ...OK, organization: { code: org.code, billing_customer_id: org.billing_customer_id } });
    })
    .get('/api/v1/organization', requireScope('read:organizations'), (c) => {
      return c.json(detail(findOrganization(store, requiredQuery(c, 'code'))));
    })
    .patch('/api/v1/organization/:org_code', requireScope('update:organizations'), async (c) => {
      const org = findOrganization(store, c.req.param('org_code'));
      applyUpdates(org, await readJsonObject(c));
      return c.json(OK);
    })
    .delete('/api/v1/organization/:org_code', requireScope('delete:organizations'), (c) => {
      const org = findOrganization(store, c.req.param('org_code'));
      if (org.is_default) throw new ApiError(400, 'CANNOT_DELETE_DEFAULT_ORGANIZATION', 'The default organization cannot be deleted.');
      store.data.organizations = store.data.organizations.filter((o) => o !== org);
      store.data.memberships = store.data.memberships.filter((m) => m.org_code !== org.code);
      return c.json(OK);
    })
    .route('/', organizationUserRoutes(store));
}
