import { Hono } from 'hono';
import { requireScope } from '../auth/scope.ts';
import type { AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import type { Store } from '../store/store.ts';
import type { FeatureFlagRecord, FlagType } from '../store/types.ts';
import { OK, readJsonObject } from './helpers.ts';

const TYPES: readonly FlagType[] = ['str', 'int', 'bool'];
const LEVELS: readonly FeatureFlagRecord['allow_override_level'][] = ['env', 'org', 'usr'];

function checkValue(type: FlagType, value: string, field: string) {
  if (type === 'bool' && value !== 'true' && value !== 'false') throw new ApiError(400, 'INVALID_FLAG_VALUE', `"${field}" must be "true" or "false" for a bool flag.`);
  if (type === 'int' && !/^-?\d+$/.test(value)) throw new ApiError(400, 'INVALID_FLAG_VALUE', `"${field}" must be an integer for an int flag.`);
}

/** Validates the fields of a flag definition, from a JSON body or (for PUT) the query string. */
function parseFlag(input: Record<string, unknown>, key: string): FeatureFlagRecord {
  const text = (field: string, required: boolean) => {
    const v = input[field];
    if (v === undefined || v === null || v === '') {
      if (required) throw new ApiError(400, 'MISSING_FIELD', `"${field}" is required.`);
      return '';
    }
    if (typeof v !== 'string') throw new ApiError(400, 'INVALID_FIELD', `"${field}" must be a string.`);
    return v;
  };
  const type = text('type', true) as FlagType;
  if (!TYPES.includes(type)) throw new ApiError(400, 'INVALID_FIELD', `"type" must be one of ${TYPES.join(', ')}.`);
  const level = (text('allow_override_level', false) || 'env') as FeatureFlagRecord['allow_override_level'];
  if (!LEVELS.includes(level)) throw new ApiError(400, 'INVALID_FIELD', `"allow_override_level" must be one of ${LEVELS.join(', ')}.`);
  const default_value = text('default_value', true);
  checkValue(type, default_value, 'default_value');
  return { key, name: text('name', true), description: text('description', false), type, allow_override_level: level, default_value };
}

function findFlag(store: Store, key: string): FeatureFlagRecord {
  const flag = store.data.featureFlags.find((f) => f.key === key);
  if (!flag) throw new ApiError(400, 'FEATURE_FLAG_INVALID', `No feature flag with key "${key}".`);
  return flag;
}

/** Feature flag definitions and the environment's overrides of their values. */
export function featureFlagRoutes(store: Store) {
  return new Hono<AppEnv>()
    .post('/api/v1/feature_flags', requireScope('create:feature_flags'), async (c) => {
      const body = await readJsonObject(c);
      const key = typeof body.key === 'string' ? body.key : '';
      if (!key) throw new ApiError(400, 'MISSING_FIELD', '"key" is required.');
      if (store.data.featureFlags.some((f) => f.key === key)) throw new ApiError(400, 'FEATURE_FLAG_KEY_ALREADY_EXISTS', `A feature flag with key "${key}" already exists.`);
      store.data.featureFlags.push(parseFlag(body, key));
      return c.json(OK, 201);
    })
    .put('/api/v1/feature_flags/:feature_flag_key', requireScope('update:feature_flags'), (c) => {
      const flag = findFlag(store, c.req.param('feature_flag_key'));
      Object.assign(flag, parseFlag(c.req.query(), flag.key));
      return c.json(OK);
    })
    .delete('/api/v1/feature_flags/:feature_flag_key', requireScope('delete:feature_flags'), (c) => {
      const flag = findFlag(store, c.req.param('feature_flag_key'));
      store.data.featureFlags = store.data.featureFlags.filter((f) => f !== flag);
      delete store.data.environmentFlagValues[flag.key];
      return c.json(OK);
    })
    .get('/api/v1/environment/feature_flags', requireScope('read:environment_feature_flags'), (c) => {
      const values = store.data.environmentFlagValues;
      const feature_flags = Object.fromEntries(
        store.data.featureFlags.map((f) => [f.key, { type: f.type, value: values[f.key] ?? f.default_value }]),
      );
      return c.json({ ...OK, feature_flags });
    })
    .delete('/api/v1/environment/feature_flags', requireScope('delete:environment_feature_flags'), (c) => {
      store.data.environmentFlagValues = {};
      return c.json(OK);
    })
    .patch('/api/v1/environment/feature_flags/:feature_flag_key', requireScope('update:environment_feature_flags'), async (c) => {
      const flag = findFlag(store, c.req.param('feature_flag_key'));
      const body = await readJsonObject(c);
      if (typeof body.value !== 'string') throw new ApiError(400, 'MISSING_FIELD', '"value" is required and must be a string.');
      checkValue(flag.type, body.value, 'value');
      store.data.environmentFlagValues[flag.key] = body.value;
      return c.json(OK);
    })
    .delete('/api/v1/environment/feature_flags/:feature_flag_key', requireScope('delete:environment_feature_flags'), (c) => {
      const flag = findFlag(store, c.req.param('feature_flag_key'));
      delete store.data.environmentFlagValues[flag.key];
      return c.json(OK);
    });
}
