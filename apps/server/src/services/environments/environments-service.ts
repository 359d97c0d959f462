import { randomUUID } from 'node:crypto';
import {
  ALWAYS_SECRET_KEYS,
  type EnvironmentCreate,
  type EnvironmentUpdate,
  type EnvironmentView,
  type VariableInput,
  type VariableView,
} from '@kinde-explorer/core';
import type { Selectable } from 'kysely';
import { apiError } from '../../errors.ts';
import type { DataLayer, Db } from '../storage/index.ts';
import type { EnvironmentsTable, VariablesTable } from '../storage/schema.ts';
import type { Vault } from '../vault/vault.ts';
import { normaliseBusinessDomain } from './business-domain.ts';
import type { EnvironmentChangeKind, EnvironmentsService, ResolvedEnvironment } from './types.ts';

export const BUSINESS_DOMAIN_KEY = 'business_domain';

type EnvRow = Pick<Selectable<EnvironmentsTable>, 'id' | 'name' | 'created_at' | 'updated_at'>;
type VarRow = Selectable<VariablesTable>;

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

/** The change notices of this service; every instance's caches listen to them. */
const CHANNEL = { updated: 'environment.updated', deleted: 'environment.deleted' } as const;

const ENV_COLUMNS = ['id', 'name', 'created_at', 'updated_at'] as const;

/** Environments and their variables; secrets sealed by the vault, never returned. */
export function createEnvironmentsService(data: DataLayer, vault: Vault): EnvironmentsService {
  const listeners = new Set<(id: string | null, kind: EnvironmentChangeKind) => void>();
  const { db } = data;

  const findEnv = (ex: Db, id: string) => ex.selectFrom('environments').select(ENV_COLUMNS).where('id', '=', id).executeTakeFirst();
  const varsOf = (ex: Db, id: string) => ex.selectFrom('variables').selectAll().where('environment_id', '=', id).orderBy('position').execute();

  const toView = (env: EnvRow, vars: VarRow[]): EnvironmentView => ({
    id: env.id,
    name: env.name,
    variables: vars.map(toVariableView),
    createdAt: env.created_at,
    updatedAt: env.updated_at,
  });

  const mustGet = async (ex: Db, id: string): Promise<EnvRow> => {
    const env = await findEnv(ex, id);
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

  const writeVars = async (ex: Db, envId: string, vars: StoredVariable[]) => {
    await ex.deleteFrom('variables').where('environment_id', '=', envId).execute();
    if (vars.length === 0) return;
    await ex
      .insertInto('variables')
      .values(
        vars.map((v, i) => ({
          environment_id: envId,
          position: i,
          key: v.key,
          value_plain: v.plain,
          value_enc: v.sealed,
          secret: v.secret ? (1 as const) : (0 as const),
          enabled: v.enabled ? (1 as const) : (0 as const),
        })),
      )
      .execute();
  };

  const resolve = async (id: string): Promise<ResolvedEnvironment> => {
    const [env, vars] = await Promise.all([mustGet(db, id), varsOf(db, id)]);
    const variables: Record<string, string> = {};
    const secretValues: string[] = [];
    for (const v of vars) {
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

  // Every send needs its environment decrypted. An entry lives until a change notice for it
  // arrives from any instance; `generation` keeps a read that raced with a change out of the cache.
  const resolvedCache = new Map<string, ResolvedEnvironment>();
  let generation = 0;
  data.onChange((change) => {
    if (change === null) {
      generation++;
      resolvedCache.clear();
      for (const l of listeners) l(null, 'reset');
      return;
    }
    const kind = change.channel === CHANNEL.updated ? 'updated' : change.channel === CHANNEL.deleted ? 'deleted' : null;
    if (!kind) return;
    generation++;
    resolvedCache.delete(change.id);
    for (const l of listeners) l(change.id, kind);
  });

  const service: EnvironmentsService = {
    async list() {
      const [envs, vars] = await Promise.all([
        db.selectFrom('environments').select(ENV_COLUMNS).orderBy('position').orderBy('created_at').execute(),
        db.selectFrom('variables').selectAll().orderBy('environment_id').orderBy('position').execute(),
      ]);
      const byEnv = new Map<string, VarRow[]>();
      for (const v of vars) {
        const list = byEnv.get(v.environment_id);
        if (list) list.push(v);
        else byEnv.set(v.environment_id, [v]);
      }
      return envs.map((env) => toView(env, byEnv.get(env.id) ?? []));
    },

    async get(id) {
      const [env, vars] = await Promise.all([mustGet(db, id), varsOf(db, id)]);
      return toView(env, vars);
    },

    async create(input: EnvironmentCreate) {
      const id = randomUUID();
      const now = new Date().toISOString();
      const vars = prepare(id, input.variables ?? [], []);
      await data.transaction(async (trx) => {
        const { p } = await trx
          .selectFrom('environments')
          .select((eb) => eb(eb.fn.coalesce(eb.fn.max('position'), eb.lit(-1)), '+', 1).as('p'))
          .executeTakeFirstOrThrow();
        await trx.insertInto('environments').values({ id, name: input.name, position: Number(p), created_at: now, updated_at: now }).execute();
        await writeVars(trx, id, vars);
      });
      return service.get(id);
    },

    async update(id, patch: EnvironmentUpdate) {
      await data.transaction(async (trx, scope) => {
        const env = await mustGet(trx, id);
        if (patch.variables) await writeVars(trx, id, prepare(id, patch.variables, await varsOf(trx, id)));
        await trx
          .updateTable('environments')
          .set({ name: patch.name ?? env.name, updated_at: new Date().toISOString() })
          .where('id', '=', id)
          .execute();
        scope.notify(CHANNEL.updated, id);
      });
      return service.get(id);
    },

    async remove(id) {
      await data.transaction(async (trx, scope) => {
        await mustGet(trx, id);
        await trx.deleteFrom('environments').where('id', '=', id).execute();
        scope.notify(CHANNEL.deleted, id);
      });
    },

    async getResolved(id): Promise<ResolvedEnvironment> {
      let resolved = resolvedCache.get(id);
      if (!resolved) {
        const started = generation;
        resolved = await resolve(id);
        // Only cache what no change notice overtook, and only while notices are arriving.
        if (started === generation && data.changesLive) resolvedCache.set(id, resolved);
      }
      // A copy: callers may add to it (collection variables) without touching the cache.
      return { ...resolved, variables: { ...resolved.variables }, secretValues: [...resolved.secretValues] };
    },

    async exists(id) {
      if (resolvedCache.has(id)) return true;
      return (await findEnv(db, id)) !== undefined;
    },

    async findByName(name) {
      const env = await db.selectFrom('environments').select(ENV_COLUMNS).where('name', '=', name).orderBy('position').orderBy('created_at').executeTakeFirst();
      return env ? toView(env, await varsOf(db, env.id)) : undefined;
    },

    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return service;
}

function toVariableView(v: VarRow): VariableView {
  if (v.secret) return { key: v.key, value: null, secret: true, enabled: v.enabled === 1, hasValue: v.value_enc !== null };
  const value = v.value_plain ?? '';
  return { key: v.key, value, secret: false, enabled: v.enabled === 1, hasValue: value !== '' };
}
