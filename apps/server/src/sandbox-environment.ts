import type { EnvironmentView } from '@kinde-explorer/core';
import { BUSINESS_DOMAIN_KEY, type EnvironmentsService } from './services/environments/index.ts';

export const SANDBOX_ENVIRONMENT_NAME = 'Kinde sandbox';

/**
 * Makes sure a "Kinde sandbox" environment points at the running sandbox: created on first run,
 * and its business_domain moved when the sandbox port changes. Other variables the user edited
 * are left alone.
 */
export async function ensureSandboxEnvironment(
  envs: EnvironmentsService,
  sandbox: { url: string; clientId: string; clientSecret: string },
): Promise<{ environment: EnvironmentView; action: 'created' | 'updated' | 'unchanged' }> {
  const existing = await envs.findByName(SANDBOX_ENVIRONMENT_NAME);
  if (!existing) {
    const environment = await envs.create({
      name: SANDBOX_ENVIRONMENT_NAME,
      variables: [
        { key: BUSINESS_DOMAIN_KEY, value: sandbox.url },
        { key: 'client_id', value: sandbox.clientId },
        { key: 'client_secret', value: sandbox.clientSecret, secret: true },
      ],
    });
    return { environment, action: 'created' };
  }
  const domain = existing.variables.find((v) => v.key === BUSINESS_DOMAIN_KEY);
  if (domain?.value === sandbox.url) return { environment: existing, action: 'unchanged' };
  // Sending secrets back with a null value keeps them; only business_domain changes.
  const variables = existing.variables.map((v) => ({
    key: v.key,
    value: v.key === BUSINESS_DOMAIN_KEY ? sandbox.url : v.value,
    secret: v.secret,
    enabled: v.key === BUSINESS_DOMAIN_KEY ? true : v.enabled,
  }));
  if (!domain) variables.unshift({ key: BUSINESS_DOMAIN_KEY, value: sandbox.url, secret: false, enabled: true });
  return { environment: await envs.update(existing.id, { variables }), action: 'updated' };
}
