import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import {
  ALWAYS_SECRET_KEYS,
  type EnvironmentCreate,
  type EnvironmentUpdate,
  type EnvironmentView,
  type VariableInput,
  type VariableView,
} from '@kinde-explorer/core';
import { apiError } from '../../errors.ts';
import type { Vault } from '../vault/vault.ts';
import { normaliseBusinessDomain } from './business-domain.ts';
import type { EnvironmentsService, ResolvedEnvironment } from './types.ts';

export const BUSINESS_DOMAIN_KEY = 'business_domain';

interface EnvRow {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
}
interface VarRow {
  environment_id: string;
  position: number;
  key: string;
  value_plain: string | null;
  value_enc: string | null;
  secret: 0 | 1;
  enabled: 0 | 1;
}
/** A variable as stored: the secret part already sealed. */
interface StoredVariable {
  key: string;
  plain: string | null;
  sealed: string | null;
  secret: boolean;
  enabled: boolean;
}

// Binds each sealed value to its environment and key, so a ciphertext copied elsewhere fails.
const aad = (envId: string, key: string) => `env:${envId}/var:${key}`;

/** Environments and their variables in SQLite; secrets sealed by the vault, never returned. */
export function createEnvironmentsService(db: Database, vault: Vault): EnvironmentsService {
  const listeners = new Set<(id: string, kind: 'updated' | 'deleted') => void>();
  const q = {
    envs: db.prepare<[], EnvRow>('SELECT id, name, created_at, updated_at FROM environments ORDER BY position, created_at'),
    env: db.prepare<[string], EnvRow>('SELECT id, name, created_at, updated_at FROM environments WHERE id = ?'),
    vars: db.prepare<[string], VarRow>('SELECT * FROM variables WHERE environment_id = ? ORDER BY position'),
    allVars: db.prepare<[], VarRow>('SELECT * FROM variables ORDER BY environment_id, position'),
    insertEnv: db.prepare(
      'INSERT INTO environments (id, name, position, created_at, updated_at) VALUES (?, ?, (SELECT COALESCE(MAX(position), -1) + 1 FROM environments), ?, ?)',
    ),
    updateEnv: db.prepare('UPDATE environments SET name = ?, updated_at = ? WHERE id = ?'),
    deleteEnv: db.prepare('DELETE FROM environments WHERE id = ?'),
    deleteVars: db.prepare('DELETE FROM variables WHERE environment_id = ?'),
    insertVar: db.prepare(
      'INSERT INTO variables (environment_id, position, key, value_plain, value_enc, secret, enabled) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
  };

  const toView = (env: EnvRow, vars: VarRow[]): EnvironmentView => ({
    id: env.id,
    name: env.name,
    variables: vars.map(toVariableView),
    createdAt: env.created_at,
    updatedAt: env.updated_at,
  });

  const mustGet = (id: string): EnvRow => {
    const env = q.env.get(id);
    if (!env) throw apiError(404, 'not_found', `Environment ${id} does not exist.`);
    return env;
  };

  /** Turns client input into stored rows; `previous` supplies kept secret values on update. */
  const prepare = (envId: string, input: VariableInput[], previous: VarRow[]): StoredVariable[] => {
    const seen = new Set<string>();
    const before = new Map(previous.map((v) => [v.key, v]));
    return input.map((v, i) => {
      if (seen.has(v.key)) {
        throw apiError(400, 'validation_failed', `variables.${i}.key: "${v.key}" appears twice; variable keys must be unique in an environment`);
      }
      seen.add(v.key);
      // An omitted `secret` keeps the stored flag, so a PATCH with just `{ key }` never exposes a secret.
      const secret = ALWAYS_SECRET_KEYS.has(v.key) || (v.secret ?? before.get(v.key)?.secret === 1);
      const enabled = v.enabled !== false;
      let value = v.value ?? null;
      if (v.key === BUSINESS_DOMAIN_KEY && value !== null) {
        const domain = normaliseBusinessDomain(value);
        if (!domain.ok) throw apiError(400, 'validation_failed', `variables.${i}.value: ${domain.message}`);
        value = domain.value;
      }
      if (!secret) return { key: v.key, plain: value ?? '', sealed: null, secret, enabled };
      if (value === null) {
        // Write-only: a secret sent without a value keeps what is stored (sealed or, if it was plain, now sealed).
        const old = before.get(v.key);
        if (old?.value_enc) return { key: v.key, plain: null, sealed: old.value_enc, secret, enabled };
        if (old?.value_plain) return { key: v.key, plain: null, sealed: vault.encrypt(old.value_plain, aad(envId, v.key)), secret, enabled };
        return { key: v.key, plain: null, sealed: null, secret, enabled };
      }
      return { key: v.key, plain: null, sealed: value === '' ? null : vault.encrypt(value, aad(envId, v.key)), secret, enabled };
    });
  };

  const writeVars = (envId: string, vars: StoredVariable[]) => {
    q.deleteVars.run(envId);
    vars.forEach((v, i) => q.insertVar.run(envId, i, v.key, v.plain, v.sealed, v.secret ? 1 : 0, v.enabled ? 1 : 0));
  };

  const resolve = (id: string): ResolvedEnvironment => {
    const env = mustGet(id);
    const variables: Record<string, string> = {};
    const secretValues: string[] = [];
    for (const v of q.vars.all(id)) {
      let value: string | null = v.value_plain;
      if (v.secret && v.value_enc) {
        try {
          value = vault.decrypt(v.value_enc, aad(id, v.key));
        } catch (err) {
          // Not the client's fault, but it must say what to do rather than a bare 500.
          throw apiError(500, 'internal_error', `Environment "${env.name}", variable ${v.key}: ${(err as Error).message}`);
        }
        secretValues.push(value);
      }
      if (v.enabled && value !== null && !(v.secret && value === '')) variables[v.key] = value;
    }
    const domain = variables[BUSINESS_DOMAIN_KEY];
    return { id, name: env.name, businessDomain: domain ? domain : null, variables, secretValues };
  };

  // Every send needs its environment decrypted; this service is the only writer of these rows,
  // so an entry lives until the environment changes (one SQLite read + AES-GCM per secret saved).
  const resolvedCache = new Map<string, ResolvedEnvironment>();

  const emit = (id: string, kind: 'updated' | 'deleted') => {
    resolvedCache.delete(id);
    for (const l of listeners) l(id, kind);
  };

  return {
    list() {
      const byEnv = new Map<string, VarRow[]>();
      for (const v of q.allVars.all()) byEnv.set(v.environment_id, [...(byEnv.get(v.environment_id) ?? []), v]);
      return q.envs.all().map((env) => toView(env, byEnv.get(env.id) ?? []));
    },

    get(id) {
      return toView(mustGet(id), q.vars.all(id));
    },

    create(input: EnvironmentCreate) {
      const id = randomUUID();
      const now = new Date().toISOString();
      db.transaction(() => {
        const vars = prepare(id, input.variables ?? [], []);
        q.insertEnv.run(id, input.name, now, now);
        writeVars(id, vars);
      })();
      return this.get(id);
    },

    update(id, patch: EnvironmentUpdate) {
      db.transaction(() => {
        const env = mustGet(id);
        if (patch.variables) writeVars(id, prepare(id, patch.variables, q.vars.all(id)));
        q.updateEnv.run(patch.name ?? env.name, new Date().toISOString(), id);
      })();
      emit(id, 'updated');
      return this.get(id);
    },

    remove(id) {
      mustGet(id);
      q.deleteEnv.run(id);
      emit(id, 'deleted');
    },

    getResolved(id): ResolvedEnvironment {
      let resolved = resolvedCache.get(id);
      if (!resolved) {
        resolved = resolve(id);
        resolvedCache.set(id, resolved);
      }
      // A copy: callers may add to it (collection variables) without touching the cache.
      return { ...resolved, variables: { ...resolved.variables }, secretValues: [...resolved.secretValues] };
    },

    findByName(name) {
      const env = q.envs.all().find((e) => e.name === name);
      return env ? toView(env, q.vars.all(env.id)) : undefined;
    },

    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function toVariableView(v: VarRow): VariableView {
  if (v.secret) return { key: v.key, value: null, secret: true, enabled: v.enabled === 1, hasValue: v.value_enc !== null };
  const value = v.value_plain ?? '';
  return { key: v.key, value, secret: false, enabled: v.enabled === 1, hasValue: value !== '' };
}
