/**
 * What the audit log names a send by: its method and the URL's path — no query string (it can
 * carry personal data), no host, no fragment. A template that never resolved keeps its own path.
 */
export function sendTarget(method: string, url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url.replace(/^\s*\{\{[^}]*\}\}/, '').split(/[?#]/)[0] || '/';
  }
  return `${method} ${path}`;
}
