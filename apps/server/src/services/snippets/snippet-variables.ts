import { CLIENT_SECRET_PLACEHOLDER } from '@kinde-explorer/core';
import type { EnvironmentsService } from '../environments/types.ts';

/** What a snippet may know of an environment: plain values, and a placeholder per secret. */
export interface SnippetVariables {
  environmentName: string;
  businessDomain: string | null;
  /** Enabled plain variables by key, and every secret key mapped to its placeholder. */
  values: Record<string, string>;
  /** Secret plaintexts, only so that a secret typed literally into a request can be masked. */
  secretValues: string[];
}

/** Placeholder for a client id kept secret (or missing), named like Kinde's docs name it. */
export const CLIENT_ID_PLACEHOLDER = '<m2m_client_id>';

/** `client_secret` → `<m2m_client_secret>` (Kinde's docs use that name); any other secret → `<key>`. */
export function secretPlaceholder(key: string): string {
  if (key === 'client_secret') return CLIENT_SECRET_PLACEHOLDER;
  if (key === 'client_id') return CLIENT_ID_PLACEHOLDER;
  return `<${key}>`;
}

/**
 * Reads an environment for snippet generation. Secret values never enter `values`: each secret
 * key (with a stored value or not) resolves to its placeholder instead.
 */
export function snippetVariables(environments: EnvironmentsService, environmentId: string): SnippetVariables {
  const view = environments.get(environmentId);
  const resolved = environments.getResolved(environmentId);
  const values: Record<string, string> = {};
  for (const v of view.variables) {
    if (!v.enabled) continue;
    if (v.secret) values[v.key] = secretPlaceholder(v.key);
    else if (Object.hasOwn(resolved.variables, v.key)) values[v.key] = resolved.variables[v.key]!;
  }
  // The normalised origin, as the relay uses it, so `{{business_domain}}/api/...` always parses.
  if (resolved.businessDomain) values.business_domain = resolved.businessDomain;
  return { environmentName: resolved.name, businessDomain: resolved.businessDomain, values, secretValues: resolved.secretValues };
}
