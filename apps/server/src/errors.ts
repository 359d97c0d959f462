import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError as ApiErrorBody, ErrorCode } from '@kinde-explorer/core';
import { isDatabaseUnavailable } from './services/storage/unavailable.ts';

/** A failure the client can act on; `app.onError` turns it into the one error shape. */
export class ApiError extends HTTPException {
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(status: ContentfulStatusCode, code: ErrorCode, message: string, details?: unknown) {
    super(status, { message });
    this.code = code;
    this.details = details;
  }
}

/** Shorthand for `throw apiError(404, 'not_found', '...')`. */
export function apiError(status: ContentfulStatusCode, code: ErrorCode, message: string, details?: unknown): ApiError {
  return new ApiError(status, code, message, details);
}

/** The body every non-2xx answer of the server API carries. */
export function errorBody(code: ErrorCode, message: string, details?: unknown): ApiErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

// Hono's own exceptions (body limit, basic auth, validator) carry no code: derive one from the status.
const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
};

type ErrorLogger = { error: (obj: object, msg: string) => void; warn: (obj: object, msg: string) => void };

/** What a 503 for an unreachable database tells clients to wait. */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

/** Builds the single `app.onError` handler: known errors keep their status, anything else is a logged 500. */
export function createErrorHandler(logger: ErrorLogger) {
  return (err: Error, c: Context): Response => {
    if (err instanceof ApiError) {
      return c.json(errorBody(err.code, err.message, err.details), err.status);
    }
    if (err instanceof HTTPException) {
      const status = err.status as ContentfulStatusCode;
      const malformed = status === 400 && /malformed json/i.test(err.message);
      const code: ErrorCode = malformed ? 'invalid_json' : (CODE_BY_STATUS[status] ?? (status >= 500 ? 'internal_error' : 'bad_request'));
      const message = malformed ? 'The request body is not valid JSON.' : err.message || defaultMessage(status);
      const res = c.json(errorBody(code, message), status);
      // Keep challenge headers such as WWW-Authenticate from Hono's auth middleware.
      const challenge = err.getResponse().headers.get('www-authenticate');
      if (challenge) res.headers.set('www-authenticate', challenge);
      return res;
    }
    if (isDatabaseUnavailable(err)) {
      // The database is away (restarting, network): say so, and when to try again; it reconnects by itself.
      logger.warn({ err: err.message }, 'database unavailable');
      const res = c.json(errorBody('database_unavailable', 'The database cannot be reached right now; try again in a few seconds.'), 503);
      res.headers.set('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
      return res;
    }
    logger.error({ err }, 'unhandled error');
    return c.json(errorBody('internal_error', 'Internal error; the server log has the details.'), 500);
  };
}

function defaultMessage(status: number): string {
  if (status === 401) return 'Authentication required.';
  if (status === 413) return 'The request body is too large.';
  return `Request failed with status ${status}.`;
}

/** `app.notFound`: an unknown API path answers in the error shape too. */
export function notFoundHandler(c: Context): Response {
  return c.json(errorBody('not_found', `No route for ${c.req.method} ${new URL(c.req.url).pathname}.`), 404);
}
