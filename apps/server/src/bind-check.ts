const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i;

/** Whether a listen address only accepts connections from this machine. */
export function isLoopbackBind(host: string): boolean {
  return LOOPBACK.test(host.trim());
}

/**
 * The refusal message when the server would be reachable from other machines without sign-in,
 * or null when it may start. Anyone who can reach it could otherwise use the stored Kinde
 * credentials. `signIn`: named accounts or a shared access password are in use.
 */
export function bindRefusal(host: string, signIn: boolean): string | null {
  if (isLoopbackBind(host) || signIn) return null;
  return (
    `Refusing to listen on ${host} without sign-in: set EXPLORER_SIGN_IN=accounts (named accounts; the first ` +
    'browser creates the owner with the set-up code from this log) or HOST=127.0.0.1. Anyone who can reach the ' +
    'explorer can call Kinde with the stored credentials.'
  );
}
