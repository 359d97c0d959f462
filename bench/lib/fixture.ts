import type { Faults, SandboxStats } from '@kinde-explorer/kinde-mock';
import { startSandboxProcess, startServerProcess, type Child, type ServerProcess } from './processes.ts';

export const SANDBOX_CLIENT = { clientId: 'sandbox_m2m_client', clientSecret: 'sandbox_m2m_secret' };
export const ENVIRONMENT_NAME = 'Bench sandbox';

/** The sandbox, driven through its HTTP control surface (it runs in another process). */
export interface SandboxHandle {
  url: string;
  child: Child;
  stats(): Promise<Pick<SandboxStats, 'tokenRequests' | 'apiRequests'>>;
  setFaults(f: Partial<Faults>): Promise<void>;
  clearFaults(): Promise<void>;
  reset(): Promise<void>;
  /** A token from a real client_credentials exchange, as the bare proxy and direct calls use. */
  exchangeToken(): Promise<string>;
}

/** Sandbox + explorer server + an environment pointing at the sandbox, shared by the sections. */
export interface BenchFixture {
  sandbox: SandboxHandle;
  server: ServerProcess;
  environmentId: string;
  /** `POST /api/send` body for a GET of `path` on the sandbox through the environment. */
  sendBody(path: string): string;
  /** Drops the server's cached token (a cold cache for the next send). */
  forgetToken(): Promise<void>;
  close(): Promise<void>;
}

async function control(url: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${url}/__sandbox/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`sandbox ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

const NO_FAULTS: Faults = { latencyMs: 0, status: null, reset: false, largeBodyBytes: null, invalidJson: false, pathPrefix: null };

export async function startFixture(opts: { cpuProfileDir?: string } = {}): Promise<BenchFixture> {
  const sb = await startSandboxProcess();
  const sandbox: SandboxHandle = {
    url: sb.url,
    child: sb.child,
    stats: async () => {
      const s = (await control(sb.url, 'stats')) as SandboxStats;
      return { tokenRequests: s.tokenRequests, apiRequests: s.apiRequests };
    },
    setFaults: async (f) => void (await control(sb.url, 'faults', f)),
    clearFaults: async () => void (await control(sb.url, 'faults', NO_FAULTS)),
    reset: async () => void (await control(sb.url, 'reset', {})),
    exchangeToken: async () => {
      const form = new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: SANDBOX_CLIENT.clientId,
        client_secret: SANDBOX_CLIENT.clientSecret,
        audience: `${sb.url}/api`,
      });
      const res = await fetch(`${sb.url}/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
      const json = (await res.json()) as { access_token?: string };
      if (!json.access_token) throw new Error(`token exchange failed: ${res.status} ${JSON.stringify(json)}`);
      return json.access_token;
    },
  };

  let server: ServerProcess;
  try {
    server = await startServerProcess(opts.cpuProfileDir ? { cpuProfileDir: opts.cpuProfileDir } : {});
  } catch (err) {
    await sb.child.stop();
    throw err;
  }
  let environmentId: string;
  try {
    environmentId = await createBenchEnvironment(server.url, sb.url);
  } catch (err) {
    await Promise.all([server.stop(), sb.child.stop()]);
    throw err;
  }

  return {
    sandbox,
    server,
    environmentId,
    sendBody: (path) => sendBodyFor(environmentId, path),
    forgetToken: async () => {
      const r = await fetch(`${server.url}/api/environments/${environmentId}/token`, { method: 'DELETE' });
      await r.arrayBuffer();
      if (!r.ok) throw new Error(`DELETE token: ${r.status}`);
    },
    close: async () => {
      await Promise.all([server.stop(), sb.child.stop()]);
    },
  };
}

/** Creates the bench's environment (the sandbox and its M2M client) through a server's API; answers its id. */
export async function createBenchEnvironment(serverUrl: string, sandboxUrl: string): Promise<string> {
  const res = await fetch(`${serverUrl}/api/environments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: ENVIRONMENT_NAME,
      variables: [
        { key: 'business_domain', value: sandboxUrl },
        { key: 'client_id', value: SANDBOX_CLIENT.clientId },
        { key: 'client_secret', value: SANDBOX_CLIENT.clientSecret, secret: true },
      ],
    }),
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`creating the environment failed: ${res.status} ${text}`);
  return (JSON.parse(text) as { id: string }).id;
}

/** `POST /api/send` body for a GET of `path` on the sandbox through the environment. */
export function sendBodyFor(environmentId: string, path: string): string {
  return JSON.stringify({ environmentId, request: { method: 'GET', url: `{{business_domain}}${path}` } });
}
