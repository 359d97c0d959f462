import { Hono } from 'hono';
import { requireScope } from '../auth/scope.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { paginate } from '../store/paginate.ts';
import type { Store } from '../store/store.ts';
import type { ApplicationRecord } from '../store/types.ts';
import { OK, listBody, readJsonObject, requiredString, sortBy } from './helpers.ts';

const TYPES: readonly ApplicationRecord['type'][] = ['reg', 'spa', 'm2m', 'device'];

function findApplication(store: Store, id: string): ApplicationRecord {
  const app = store.data.applications.find((a) => a.id === id);
  if (!app) throw new ApiError(400, 'APPLICATION_INVALID', `No application with id "${id}".`);
  return app;
}

/** Applications: list, create, read one, delete. */
export function applicationRoutes(store: Store) {
  return new Hono<AppEnv>()
    .get('/api/v1/applications', requireScope('read:applications'), (c) => {
      const sorted = sortBy(store.data.applications, c.req.query('sort'), { name: (a) => a.name });
      return c.json(listBody('applications', paginate(sorted.map(({ id, name, type }) => ({ id, name, type })), c.req.query())));
    })
    .post('/api/v1/applications', requireScope('create:applications'), async (c) => {
      const body = await readJsonObject(c);
      const name = requiredString(body, 'name');
      const type = requiredString(body, 'type') as ApplicationRecord['type'];
      if (!TYPES.includes(type)) throw new ApiError(400, 'INVALID_FIELD', `"type" must be one of ${TYPES.join(', ')}.`);
      const app: ApplicationRecord = {
        id: store.rng.hex(32),
        name,
        type,
        client_secret: type === 'spa' ? '' : store.rng.hex(52),
        login_uri: null,
        homepage_uri: null,
      };
      store.data.applications.push(app);
      return c.json({ ...OK, application: { id: app.id, client_id: app.id, client_secret: app.client_secret } }, 201);
    })
    .get('/api/v1/applications/:application_id', requireScope('read:applications'), (c) => {
      const app = findApplication(store, c.req.param('application_id'));
      return c.json({
        ...OK,
        application: {
          id: app.id,
          name: app.name,
          type: app.type,
          client_id: app.id,
          client_secret: app.client_secret,
          login_uri: app.login_uri,
          homepage_uri: app.homepage_uri,
          has_cancel_button: false,
          is_access_control_enabled: false,
          is_allow_faceless_auth: false,
          is_ask_for_name: true,
          has_marketing_consent: false,
          has_sign_in_link_on_sign_up_page: true,
          has_register_link_on_sign_in_page: true,
          has_sign_in_with_sso_button: false,
          use_gravatar_fallback: true,
        },
      });
    })
    .delete('/api/v1/applications/:application_id', requireScope('delete:applications'), (c) => {
      const app = findApplication(store, c.req.param('application_id'));
      store.data.applications = store.data.applications.filter((a) => a !== app);
      return c.json(OK);
    });
}
