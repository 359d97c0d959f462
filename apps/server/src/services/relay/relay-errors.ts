import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ApiError, apiError } from '../../errors.ts';
import { networkReason } from '../../http/network-error.ts';

/** The client went away; nobody reads this answer, but the log and history say what happened. */
export function cancelled(): ApiError {
  return apiError(499 as ContentfulStatusCode, 'cancelled', 'The request was cancelled.');
}

/** What a failed upstream attempt means for the user: cancelled, timed out, or unreachable (named). */
export function upstreamFailure(err: unknown, ctx: { signal?: AbortSignal | undefined; timedOut: boolean; host: string; timeoutMs: number }): unknown {
  if (err instanceof ApiError) return err;
  if (ctx.signal?.aborted) return cancelled();
  if (ctx.timedOut) {
    return apiError(
      504,
      'upstream_timeout',
      `${ctx.host} did not answer within ${formatSeconds(ctx.timeoutMs)}. Try again, or ask for less (e.g. a smaller page_size).`,
      { timeoutMs: ctx.timeoutMs },
    );
  }
  const reason = networkReason(err);
  return apiError(
    502,
    'upstream_unreachable',
    `Could not reach ${ctx.host} (${reason}). Check the environment's business_domain and that this server can reach it.`,
    { host: ctx.host, reason },
  );
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}
