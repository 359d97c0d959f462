const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i;

/** Whether a listen address only accepts connections from this machine. */
export function isLoopbackBind(host: string): boolean {
  return LOOPBACK.test(host.trim());
}

/**
 * The refusal message when the server would be reachable from other machines without an access
 * password, or null when it may start. Anyone who can reach it could otherwise use the stored
 * Kinde credentials.
 */
export function bindRefusal(host: string, accessPassword: string | undefined): string | null {
  if (isLoopbackBind(host) || accessPassword) return null;
  return (
    `Refusing to listen on ${host} without an access password: set EXPLORER_ACCESS_PASSWORD=... ` +
    'or HOST=127.0.0.1. Anyone who can reach the explorer can call Kinde with the stored credentials.'
  );
}
