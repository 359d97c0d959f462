/**
 * The server's relay as a library, for front ends that run outside the server (the CLI): the same
 * relay steps, token exchange and redaction as `/api/send`, without HTTP routes or storage.
 */
export { createRelay, DEFAULT_TIMEOUT_MS, type Relay, type RelayOptions } from './services/relay/relay.ts';
export { relaySendForRun, runEnvironmentView, secretKeysOf } from './services/relay/run-send.ts';
export { TokenCache } from './services/token/token-cache.ts';
export { standaloneEnvironment } from './services/environments/standalone-environment.ts';
export type { ResolvedEnvironment } from './services/environments/types.ts';
export { ApiError } from './errors.ts';
