import { initial } from './001-initial.ts';
import { trashAndDetails } from './002-trash-and-details.ts';
import { sessions } from './003-sessions.ts';
import { shares } from './004-shares.ts';
import { runs } from './005-runs.ts';
import { collectionScripts } from './006-collection-scripts.ts';
import { tokens } from './007-tokens.ts';
import { accounts } from './008-accounts.ts';
import { audit } from './009-audit.ts';
import { runEvents } from './010-run-events.ts';
import { rateLimits } from './011-rate-limits.ts';
import { oidcLogins } from './012-oidc-logins.ts';
import type { Migration } from './types.ts';

export type { Migration } from './types.ts';

/** Every migration, in order. A new table: add `00N-name.ts` here and its type to ../schema.ts. */
export const MIGRATIONS: readonly Migration[] = [initial, trashAndDetails, sessions, shares, runs, collectionScripts, tokens, accounts, audit, runEvents, rateLimits, oidcLogins];
