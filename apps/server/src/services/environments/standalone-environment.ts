import type { ImportedVariable } from '@kinde-explorer/core';
import { normaliseBusinessDomain } from './business-domain.ts';
import { BUSINESS_DOMAIN_KEY } from './environments-service.ts';
import type { ResolvedEnvironment } from './types.ts';

/**
 * An environment that lives outside the server's store (the CLI's `-e env.json` with `--env-var`
 * overrides), checked and normalised as a stored one would be. Throws with a message to fix.
 */
export function standaloneEnvironment(name: string, variables: readonly ImportedVariable[]): ResolvedEnvironment {
  const values: Record<string, string> = {};
  const secretValues: string[] = [];
  for (const v of variables) {
    if (!v.enabled) continue;
    values[v.key] = v.value;
    if (v.secret && v.value !== '') secretValues.push(v.value);
  }
  const raw = values[BUSINESS_DOMAIN_KEY];
  let businessDomain: string | null = null;
  if (raw !== undefined && raw.trim() !== '') {
    const domain = normaliseBusinessDomain(raw);
    if (!domain.ok) throw new Error(domain.message);
    businessDomain = domain.value;
    values[BUSINESS_DOMAIN_KEY] = domain.value;
  }
  return { id: `standalone:${name}`, name, businessDomain, variables: values, secretValues };
}
