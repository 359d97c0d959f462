import type { HttpMethod } from '@kinde-explorer/core';

// Copies of core's runtime constants: importing them from core would pull zod (~50 KB gzip) into
// the first screen's bundle. core-constants.test.ts keeps the copies equal to the originals.

export const HTTP_METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** Keys that are always secret, whatever the user ticks. */
export const ALWAYS_SECRET_KEYS: ReadonlySet<string> = new Set(['client_secret']);

/** The longest pre-request or test script the server stores (characters). */
export const SCRIPT_MAX_CHARS = 256_000;
