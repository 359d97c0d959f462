import { InputError } from './input-error.ts';

/** Who signs in to a team server: `--server-email` / EXPLORER_EMAIL, EXPLORER_PASSWORD or a prompt. */
export interface ServerCredentials {
  email?: string | undefined;
  password?: string | undefined;
  /** Asks on the terminal; null when there is none (CI). */
  promptPassword?: ((question: string) => Promise<string | null>) | undefined;
}

export interface ServerSession {
  /** The headers every call of the run carries (the session cookie, when signed in). */
  headers: Record<string, string>;
  /** Who is signed in, for messages ("olive@example.com (viewer)"); null without sign-in. */
  who: string | null;
  /** Ends the session the CLI started (each run signs in and out again). */
  close(): Promise<void>;
}

const SESSION_COOKIE = 'explorer_session';
const HOW = 'set EXPLORER_EMAIL (or --server-email) and EXPLORER_PASSWORD, or run it on a terminal to be asked for the password';

/**
 * Signs in to the explorer at `base` the way the browser does (`POST /api/auth/sign-in`) and keeps
 * the session cookie for the run. A server without sign-in needs nothing; with named accounts the
 * email and password; with a shared password the password only.
 */
export async function openServerSession(base: URL, creds: ServerCredentials): Promise<ServerSession> {
  const none: ServerSession = { headers: {}, who: null, close: async () => {} };
  const status = await fetchJson(base, 'api/auth/status');
  if (!status.ok) return none; // an explorer from before sign-in: nothing to do
  const { mode, needsOwner } = status.body as { mode?: string; needsOwner?: boolean };
  if (mode !== 'accounts' && mode !== 'password') return none;
  if (mode === 'accounts' && needsOwner) {
    throw new InputError(`The explorer at ${base.origin} has no owner yet: open it in a browser and create the owner with the set-up code the server printed, then invite yourself or sign in as the owner.`);
  }
  const email = mode === 'accounts' ? creds.email?.trim() : undefined;
  if (mode === 'accounts' && !email) {
    throw new InputError(`sign-in required: the explorer at ${base.origin} has named accounts; ${HOW}.`);
  }
  const password = creds.password || (await creds.promptPassword?.(email ? `Password for ${email} at ${base.origin}: ` : `Access password for ${base.origin}: `));
  if (!password) throw new InputError(`sign-in required: the explorer at ${base.origin} asks for ${email ? `the password of ${email}` : 'its access password'}; ${HOW}.`);

  const res = await request(base, 'api/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...(email ? { email } : {}), password }) });
  const body = (await res.json().catch(() => undefined)) as { role?: string; error?: { code?: string; message?: string } } | undefined;
  if (res.status === 429) {
    const wait = res.headers.get('retry-after');
    throw new InputError(`Too many sign-in attempts at ${base.origin}${email ? ` for ${email}` : ''}: try again in ${wait ?? 'a few'} s (the explorer limits attempts per address and email).`);
  }
  if (res.status === 401) {
    const said = body?.error?.message ?? '';
    if (/named accounts/i.test(said)) throw new InputError(`sign-in required: the explorer at ${base.origin} now has named accounts; ${HOW}.`);
    throw new InputError(email ? `Wrong email or password for ${email} at ${base.origin}: check EXPLORER_EMAIL / EXPLORER_PASSWORD.` : `Wrong access password for ${base.origin}: check EXPLORER_PASSWORD.`);
  }
  if (!res.ok) throw new InputError(`The explorer at ${base.origin} refused the sign-in (${res.status}): ${body?.error?.message ?? res.statusText}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) return none; // sign-in switched off meanwhile
  const headers = { cookie };
  return {
    headers,
    who: `${email ?? 'the shared password'} (${body?.role ?? 'signed in'})`,
    async close() {
      await request(base, 'api/auth/sign-out', { method: 'POST', headers }).catch(() => undefined);
    },
  };
}

/** `fetch` relative to the explorer's URL; an unreachable server is a message, not a stack. */
export async function request(base: URL, path: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(new URL(path, base), init);
  } catch (err) {
    const cause = (err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : (err as Error).message;
    throw new InputError(`Cannot reach the explorer at ${base.origin} (${cause}). Start it with pnpm start, or check --server.`);
  }
}

async function fetchJson(base: URL, path: string): Promise<{ ok: boolean; body: unknown }> {
  const res = await request(base, path);
  return { ok: res.ok, body: await res.json().catch(() => undefined) };
}
