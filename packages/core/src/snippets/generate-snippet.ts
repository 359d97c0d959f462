import { HTTPSnippet } from 'httpsnippet';
import { err, ok, type Result } from '../result.ts';
import { snippetTarget, type SnippetTarget } from './snippet-targets.ts';
import { toHar, type SnippetRequest } from './to-har.ts';
import { TOKEN_ENV_VAR, useEnvToken } from './token-expression.ts';

export const TOKEN_PLACEHOLDER = '<m2m_access_token>';
export const CLIENT_SECRET_PLACEHOLDER = '<m2m_client_secret>';
export const REDACTED_PLACEHOLDER = '<redacted>';

// Plain letters and digits, so no generator escapes or encodes it.
const TOKEN_MARKER = 'KINDEM2MTOKENMARKER7f3a9c';
// Shorter values are too likely to match ordinary code to be masked meaningfully.
const MIN_SECRET_LENGTH = 4;

export type SnippetOptions = {
  /** `placeholder`: `Bearer <m2m_access_token>`; `env`: read from the KINDE_M2M_TOKEN environment variable. */
  tokenStyle?: 'placeholder' | 'env';
  /** Secret values that must not appear in the code; any found are replaced by a placeholder. */
  secrets?: readonly string[];
};

export type Snippet = { target: SnippetTarget; language: string; code: string; redacted: boolean };

/** Code that sends the request in one of Kinde's documented languages, with the token as a placeholder. */
export function generateSnippet(request: SnippetRequest, target: SnippetTarget, opts: SnippetOptions = {}): Result<Snippet> {
  const info = snippetTarget(target);
  if (!info) return err(`unknown snippet target '${target}'`);
  try {
    new URL(request.url);
  } catch {
    return err(`the URL must be absolute once variables are resolved: '${request.url}'`);
  }
  let code: string;
  try {
    const out = new HTTPSnippet(toHar(request, TOKEN_MARKER) as never).convert(info.httpsnippetTarget as never, info.client);
    if (typeof out !== 'string' || out === '') return err(`no ${info.label} code could be generated for this request`);
    code = out;
  } catch (e) {
    return err(`could not generate ${info.label} code: ${(e as Error).message}`);
  }
  // Node 18+ has fetch built in: the node-fetch import the generator writes is not needed.
  if (target === 'node') code = code.replace(/^const fetch = require\('node-fetch'\);\n\n?/, '');
  if (opts.tokenStyle === 'env') code = useEnvToken(code, target, TOKEN_MARKER) ?? code;
  code = code.split(TOKEN_MARKER).join(TOKEN_PLACEHOLDER);
  // Generators that form-encode bodies would show the placeholder as %3C…%3E; keep it readable.
  code = code.split(encodeURIComponent(CLIENT_SECRET_PLACEHOLDER)).join(CLIENT_SECRET_PLACEHOLDER);
  const masked = maskSecrets(code, opts.secrets ?? []);
  return ok({ target, language: info.language, code: masked.code, redacted: masked.redacted });
}

/**
 * The token exchange itself, as Kinde documents it, for the given business domain and client id;
 * the client secret is always the `<m2m_client_secret>` placeholder.
 */
export function tokenRequestSnippet(businessDomain: string, clientId: string, target: SnippetTarget, opts: Pick<SnippetOptions, 'secrets'> = {}): Result<Snippet> {
  const origin = businessDomain.trim().replace(/\/+$/, '');
  return generateSnippet(
    {
      method: 'POST',
      url: `${origin}/oauth2/token`,
      headers: [{ key: 'content-type', value: 'application/x-www-form-urlencoded' }],
      body: {
        mode: 'urlencoded',
        urlencoded: [
          { key: 'grant_type', value: 'client_credentials' },
          { key: 'client_id', value: clientId },
          { key: 'client_secret', value: CLIENT_SECRET_PLACEHOLDER },
          { key: 'audience', value: `${origin}/api` },
        ],
      },
      auth: 'none',
    },
    target,
    opts,
  );
}

/** Replaces each secret, as written or as any generator may have encoded it, by `<redacted>`. */
export function maskSecrets(code: string, secrets: readonly string[]): { code: string; redacted: boolean } {
  let out = code;
  let redacted = false;
  const longestFirst = [...secrets].filter((s) => s.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  for (const secret of longestFirst) {
    for (const variant of encodings(secret)) {
      if (out.includes(variant)) {
        out = out.split(variant).join(REDACTED_PLACEHOLDER);
        redacted = true;
      }
    }
  }
  return { code: out, redacted };
}

function encodings(secret: string): string[] {
  const uri = encodeURIComponent(secret);
  const strict = uri.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const json = JSON.stringify(secret).slice(1, -1);
  const single = secret.replace(/'/g, `'\\''`);
  return [...new Set([secret, uri, strict, strict.replace(/%20/g, '+'), json, single, json.replace(/\//g, '\\/')])];
}

export { TOKEN_ENV_VAR };
