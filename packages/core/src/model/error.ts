import { z } from 'zod';

/** Every error the server API returns has this one shape. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/** Machine-readable codes; the message is for people and says what to do. */
export const ERROR_CODES = [
  'bad_request',
  'invalid_json',
  'validation_failed',
  'not_found',
  'conflict',
  'gone',
  'unauthorized',
  'forbidden',
  'payload_too_large',
  'rate_limited',
  'setup_required',
  'unresolved_variable',
  'variable_loop',
  'target_not_allowed',
  'missing_business_domain',
  'missing_credentials',
  'token_exchange_failed',
  'upstream_timeout',
  'upstream_unreachable',
  'response_too_large',
  'cancelled',
  'spec_unavailable',
  'database_unavailable',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
