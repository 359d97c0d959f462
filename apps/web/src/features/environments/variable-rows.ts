import type { EnvironmentView, VariableInput } from '@kinde-explorer/core';
import { ALWAYS_SECRET_KEYS } from '../../lib/core-constants.ts';
import { newId } from '../../lib/ids.ts';

/**
 * One row of the variables table while editing. For a secret, `value` is only what the user typed
 * to replace it (the stored value never reaches the browser); `stored` says one is already saved.
 */
export interface VariableRow {
  id: string;
  key: string;
  value: string;
  secret: boolean;
  enabled: boolean;
  stored: boolean;
}

export function newVariableRow(key = '', value = '', secret = false): VariableRow {
  return { id: newId('var'), key, value, secret: secret || ALWAYS_SECRET_KEYS.has(key), enabled: true, stored: false };
}

/** The rows a new environment starts with: what Kinde's M2M token exchange needs. */
export function starterRows(): VariableRow[] {
  return [newVariableRow('business_domain'), newVariableRow('client_id'), newVariableRow('client_secret', '', true)];
}

export function rowsFromEnvironment(env: EnvironmentView): VariableRow[] {
  return env.variables.map((v) => ({
    id: newId('var'),
    key: v.key,
    value: v.secret ? '' : (v.value ?? ''),
    secret: v.secret,
    enabled: v.enabled,
    stored: v.secret && v.hasValue,
  }));
}

/** Rows as the server takes them: an untouched stored secret is sent as `null`, which keeps it. */
export function rowsToInput(rows: readonly VariableRow[]): VariableInput[] {
  return rows
    .filter((r) => r.key.trim() !== '')
    .map((r) => ({
      key: r.key.trim(),
      value: r.secret && r.stored && r.value === '' ? null : r.value,
      secret: r.secret || ALWAYS_SECRET_KEYS.has(r.key.trim()),
      enabled: r.enabled,
    }));
}

/** Whether the edited rows differ from what the server has (a typed secret always counts). */
export function rowsChanged(rows: readonly VariableRow[], env: EnvironmentView | undefined): boolean {
  const input = rowsToInput(rows);
  if (!env) return input.some((v) => v.value !== '' && v.value !== null);
  if (input.length !== env.variables.length) return true;
  return input.some((v, i) => {
    const saved = env.variables[i]!;
    if (v.key !== saved.key || v.secret !== saved.secret || v.enabled !== saved.enabled) return true;
    return v.secret ? v.value !== null && (v.value !== '' || saved.hasValue) : v.value !== (saved.value ?? '');
  });
}

/** A warning in words when business_domain is not what Kinde's token URL needs, else null. */
export function businessDomainWarning(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.includes('{{')) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return 'business_domain should be a full URL such as https://your-business.kinde.com.';
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (loopback) return null;
  if (url.protocol !== 'https:') return 'business_domain must use https.';
  if (!url.hostname.endsWith('.kinde.com')) {
    return 'Use the https://<subdomain>.kinde.com domain even if your business has a custom domain: Kinde issues M2M tokens only there.';
  }
  if (url.pathname !== '/' || url.search) return 'business_domain is the domain only, without a path.';
  return null;
}
