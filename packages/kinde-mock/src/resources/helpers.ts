import type { Context } from 'hono';
import { ApiError } from '../errors.ts';

/** Kinde's success_response body. */
export const OK = { code: 'OK', message: 'Success' } as const;

/** Reads a JSON object body; an empty body is `{}`, anything else that is not an object is a 400. */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (!text.trim()) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'INVALID_JSON', 'The request body is not valid JSON.');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new ApiError(400, 'INVALID_BODY', 'The request body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

/** A required query parameter, or a 400 naming it. */
export function requiredQuery(c: Context, name: string): string {
  const value = c.req.query(name);
  if (!value) throw new ApiError(400, 'MISSING_PARAMETER', `The query parameter "${name}" is required.`);
  return value;
}

/** An optional string field of a body, or a 400 naming it when it has another type. */
export function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ApiError(400, 'INVALID_FIELD', `"${field}" must be a string.`);
  return value;
}

/** A required non-empty string field, or a 400 naming it. */
export function requiredString(body: Record<string, unknown>, field: string): string {
  const value = optionalString(body, field);
  if (!value) throw new ApiError(400, 'MISSING_FIELD', `"${field}" is required.`);
  return value;
}

/** An optional boolean field, or a 400 naming it. */
export function optionalBoolean(body: Record<string, unknown>, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new ApiError(400, 'INVALID_FIELD', `"${field}" must be a boolean.`);
  return value;
}

/** Comma separated query values (Kinde filters accept lists), empty when absent. */
export function listQuery(c: Context, name: string): string[] {
  return (c.req.query(name) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/** Applies Kinde's `sort` values (`name_asc`, `email_desc`, ...) with the given keys; unknown sorts keep order. */
export function sortBy<T>(items: T[], sort: string | undefined, keys: Record<string, (item: T) => string | null>): T[] {
  const m = /^(\w+?)_(asc|desc)$/.exec(sort ?? '');
  const key = m ? keys[m[1]!] : undefined;
  if (!m || !key) return items;
  const dir = m[2] === 'desc' ? -1 : 1;
  return [...items].sort((a, b) => dir * (key(a) ?? '').localeCompare(key(b) ?? ''));
}

/** A list response in Kinde's shape: code, message, the items under `field`, next_token when more follow. */
export function listBody<T>(field: string, page: { page: T[]; next_token?: string }) {
  return { code: 'OK', message: 'Success', [field]: page.page, ...(page.next_token ? { next_token: page.next_token } : {}) };
}
