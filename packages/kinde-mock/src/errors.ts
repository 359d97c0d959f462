/** Kinde's error body shape for the management API: `{ errors: [{ code, message }] }`. */
export interface KindeError {
  code: string;
  message: string;
}

/** Builds Kinde's error body from one code and message. */
export function errorBody(code: string, message: string): { errors: KindeError[] } {
  return { errors: [{ code, message }] };
}

/** The spec documents route-not-found with `errors` as a single object, not an array. */
export function routeNotFoundBody(): { errors: KindeError } {
  return { errors: { code: 'ROUTE_NOT_FOUND', message: 'The requested API route does not exist' } };
}

/** Thrown by routes; `app.onError` turns it into Kinde's errors body with this status. */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 415 | 429 | 500,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
