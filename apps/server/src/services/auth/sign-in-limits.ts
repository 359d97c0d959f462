import type { LimitCheck, LimitRule } from './rate-limit.ts';

/**
 * How many sign-in attempts are allowed, counted in the database so they hold across every
 * instance. Three windows, so one person's typos lock out nobody else while a guesser is still
 * slowed down: per address and email (the quick one a person meets after five typos), per email
 * whatever the address (many addresses guessing one account), per address whatever the email
 * (one address trying many accounts; larger, since behind a proxy a whole office shares one).
 * A successful sign-in gives its attempt back.
 */
export const SIGN_IN_LIMITS = {
  perClientAndEmail: { name: 'sign_in.client_email', limit: 5, windowMs: 60_000 },
  perEmail: { name: 'sign_in.email', limit: 10, windowMs: 15 * 60_000 },
  perClient: { name: 'sign_in.client', limit: 50, windowMs: 15 * 60_000 },
} as const satisfies Record<string, LimitRule>;

/**
 * The checks for one attempt from `client`. Without an email (a shared password, or the owner
 * set-up code, which the shared editor password also opens) the secret is the same for everyone,
 * so there is no per-email window: it would let anyone lock the whole team out.
 */
export function signInChecks(client: string, email?: string): LimitCheck[] {
  const who = email?.trim().toLowerCase() ?? '';
  return [
    { rule: SIGN_IN_LIMITS.perClientAndEmail, subject: `${client}\n${who}` },
    ...(who ? [{ rule: SIGN_IN_LIMITS.perEmail, subject: who }] : []),
    { rule: SIGN_IN_LIMITS.perClient, subject: client },
  ];
}
