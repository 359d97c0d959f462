import { ALWAYS_SECRET_KEYS } from '../../model/variable.ts';

export type ExportableEnvironment = {
  id?: string;
  name: string;
  /** Secret values may be `null` (as read back from the server); they are never written anyway. */
  variables: { key: string; value: string | null; secret?: boolean; enabled?: boolean }[];
};

export type PostmanEnvironment = {
  id?: string;
  name: string;
  values: { key: string; value: string; type: 'default' | 'secret'; enabled: boolean }[];
  _postman_variable_scope: 'environment';
  _postman_exported_using: string;
};

/** Exports an environment in Postman's format; secret values are left out (empty, type 'secret'). */
export function exportPostmanEnvironment(env: ExportableEnvironment): PostmanEnvironment {
  return {
    ...(env.id !== undefined ? { id: env.id } : {}),
    name: env.name,
    values: env.variables.map((v) => {
      const secret = v.secret === true || ALWAYS_SECRET_KEYS.has(v.key);
      return { key: v.key, value: secret ? '' : (v.value ?? ''), type: secret ? 'secret' : 'default', enabled: v.enabled !== false };
    }),
    _postman_variable_scope: 'environment',
    _postman_exported_using: 'Kinde API Explorer',
  };
}
