import type { ApiError } from '@kinde-explorer/core';

/** Any failure talking to the explorer server, in the server's one error shape. */
export class ApiClientError extends Error {
  override readonly name = 'ApiClientError';
  constructor(
    /** HTTP status of the server's answer; 0 when no answer arrived (network, cancel). */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  get cancelled(): boolean {
    return this.code === 'cancelled';
  }
}

// A hand-written check rather than core's zod schema: zod would weigh down the first screen.
function isApiError(value: unknown): value is ApiError {
  const error = (value as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

/** Turns a non-2xx answer into an ApiClientError, reading the server's `{ error }` body when there is one. */
export async function errorFromResponse(res: Response): Promise<ApiClientError> {
  const text = await res.text().catch(() => '');
  try {
    const parsed: unknown = JSON.parse(text);
    if (isApiError(parsed)) {
      const { code, message, details } = parsed.error;
      return new ApiClientError(res.status, code, message, details);
    }
  } catch {
    // Not JSON: a proxy or crash page; fall through to a generic message.
  }
  return new ApiClientError(res.status, `http_${res.status}`, `The explorer server answered ${res.status} ${res.statusText}`.trim());
}

/** Errors thrown by fetch itself: cancelled by the user, or no connection to the server. */
export function errorFromThrown(thrown: unknown): ApiClientError {
  if (thrown instanceof ApiClientError) return thrown;
  if (thrown instanceof DOMException && thrown.name === 'AbortError') {
    return new ApiClientError(0, 'cancelled', 'The request was cancelled.');
  }
  return new ApiClientError(
    0,
    'network_error',
    'Could not reach the explorer server. Check that it is still running (pnpm start).',
  );
}
