/** How the operation's required scope compares with what the environment's token grants. */
export type ScopeStatus =
  | { kind: 'public' }
  | { kind: 'no-scope' }
  | { kind: 'unknown'; scope: string }
  | { kind: 'granted'; scope: string }
  | { kind: 'missing'; scope: string };

/**
 * `granted` is null until the token's scopes are known. Public endpoints need no token; an
 * operation whose spec names no scope cannot be checked, so it is not flagged.
 */
export function scopeStatus(scope: string | null, authRequired: boolean, granted: readonly string[] | null): ScopeStatus {
  if (!authRequired) return { kind: 'public' };
  if (!scope) return { kind: 'no-scope' };
  if (granted === null) return { kind: 'unknown', scope };
  return granted.includes(scope) ? { kind: 'granted', scope } : { kind: 'missing', scope };
}

const MISSING_SCOPE = /missing (?:the )?(?:required )?scopes?:?\s*["'`]?([a-z][a-z0-9_-]*:[a-z0-9_.:-]+)/i;
const ANY_SCOPE = /\b([a-z]+:[a-z0-9_.-]+)\b/i;

/**
 * After a 403: the scope Kinde named in its error body ("Missing scope read:users"), else the one
 * the operation documents, else null.
 */
export function missingScopeAfter403(body: string, operationScope: string | null): string | null {
  let messages: string[] = [];
  try {
    const parsed = JSON.parse(body) as { errors?: { message?: unknown; code?: unknown }[]; message?: unknown };
    messages = [...(Array.isArray(parsed.errors) ? parsed.errors.map((e) => String(e?.message ?? '')) : []), String(parsed.message ?? '')];
  } catch {
    messages = [body];
  }
  for (const message of messages) {
    const named = MISSING_SCOPE.exec(message)?.[1];
    if (named) return named;
  }
  if (operationScope) return operationScope;
  for (const message of messages) {
    const any = ANY_SCOPE.exec(message)?.[1];
    if (any && !/^https?:/i.test(any)) return any;
  }
  return null;
}

/** Where Kinde grants an M2M application a Management API scope. */
export const GRANT_PATH = ['Settings', 'Applications', 'your M2M application', 'APIs', 'Kinde Management API', 'Scopes'] as const;
