import { apiError } from '../../errors.ts';
import type { ResolvedEnvironment } from '../environments/types.ts';
import type { TokenCredentials } from './token-cache.ts';

/** The environment's business domain, or a 400 saying how to set it. */
export function requireBusinessDomain(env: ResolvedEnvironment): string {
  if (env.businessDomain) return env.businessDomain;
  throw apiError(
    400,
    'missing_business_domain',
    `The environment "${env.name}" has no business_domain. Add it: your https://<subdomain>.kinde.com domain (use it even if you have a custom domain).`,
  );
}

/** business_domain, client_id and client_secret of an environment, or a 400 naming what is missing. */
export function credentialsFor(env: ResolvedEnvironment): TokenCredentials {
  const businessDomain = requireBusinessDomain(env);
  const missing = ['client_id', 'client_secret'].filter((k) => !env.variables[k]?.trim());
  if (missing.length > 0) {
    throw apiError(
      400,
      'missing_credentials',
      `The environment "${env.name}" has no ${missing.join(' or ')}. Add the ${missing.length > 1 ? 'values' : 'value'} of your Kinde M2M application (Settings → Applications → your app → Details).`,
      { missing },
    );
  }
  return { businessDomain, clientId: env.variables.client_id!.trim(), clientSecret: env.variables.client_secret!.trim() };
}
