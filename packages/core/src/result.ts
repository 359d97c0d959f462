/**
 * Core functions return results instead of throwing, so callers (server routes, the web app)
 * decide how a failure is shown. `E` carries extra machine-readable detail on failure.
 */
export type Ok<T> = { ok: true; value: T };
export type Err<E extends object = {}> = { ok: false; errors: string[] } & E;
export type Result<T, E extends object = {}> = Ok<T> | Err<E>;

/** Wraps a value as a success. */
export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

/** Builds a failure from one or more human-readable messages plus optional detail. */
export function err(errors: string | string[]): Err;
export function err<E extends object>(errors: string | string[], detail: E): Err<E>;
export function err(errors: string | string[], detail: object = {}): Err<object> {
  return { ok: false, errors: Array.isArray(errors) ? errors : [errors], ...detail };
}
