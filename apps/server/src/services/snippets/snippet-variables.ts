import { CLIENT_SECRET_PLACEHOLDER, type EnvironmentView } from '@kinde-explorer/core';
import type { EnvironmentsService, ResolvedEnvironment } from '../environments/types.ts';

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
export async function snippetVariables(environments: Pick<EnvironmentsService, 'get' | 'getResolved'>, environmentId: string): Promise<SnippetVariables> {
  const [view, resolved] = await Promise.all([environments.get(environmentId), environments.getResolved(environmentId)]);
  return maskSecrets(view, resolved);
}

/**
 * A resolved environment (with collection variables under it, as `resolveForSend` answers) as a
 * snippet may see it: every enabled secret of `view` replaced by its placeholder.
 */
export function maskSecrets(view: EnvironmentView, resolved: ResolvedEnvironment): SnippetVariables {
  const values: Record<string, string> = {};
  const secrets = new Set(resolved.secretValues);
  // A value that is a secret's plaintext is masked even under another key (or if the two reads raced).
  for (const [key, value] of Object.entries(resolved.variables)) values[key] = secrets.has(value) ? secretPlaceholder(key) : value;
  for (const v of view.variables) if (v.enabled && v.secret) values[v.key] = secretPlaceholder(v.key);
  // The normalised origin, as the relay uses it, so `{{business_domain}}/api/...` always parses.
  if (resolved.businessDomain) values.business_domain = resolved.businessDomain;
  return { environmentName: resolved.name, businessDomain: resolved.businessDomain, values, secretValues: resolved.secretValues };
}
