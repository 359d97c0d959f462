import { readFileSync } from 'node:fs';
import type { TreeNode } from '@kinde-explorer/core';
import { runEventSchema, runSummarySchema, type RunEvent, type RunSummary } from '@kinde-explorer/runner';
import { InputError } from './input-error.ts';
import { userPath } from './load-inputs.ts';
import { openServerSession, request, type ServerCredentials, type ServerSession } from './server-session.ts';

export interface ServerRunOptions {
  /** Environment name or id (the `-e` flag); may be left out when the server has one environment. */
  environment?: string | undefined;
  folder?: string | undefined;
  iterations?: number | undefined;
  iterationData?: string | undefined;
  delayMs: number;
  bail: boolean;
  /** For an explorer with sign-in on. */
  credentials?: ServerCredentials;
}

type Named = { id: string; name: string };

/**
 * `--server <url>`: runs a collection saved in a running explorer, by name, through its runs API
 * (`POST /api/runs`, then its events over SSE). The server does the sending with its own
 * environment, token and relay; the CLI only reports, so what a team saved is what CI runs.
 * With sign-in on it signs in first (server-session.ts) and out again at the end.
 */
export async function runOnServer(server: string, collectionName: string, opts: ServerRunOptions, onEvent: (e: RunEvent) => void): Promise<RunSummary> {
  let base: URL;
  try {
    base = new URL(server.endsWith('/') ? server : `${server}/`);
  } catch {
    throw new InputError(`--server "${server}" is not a URL; e.g. --server http://127.0.0.1:8787.`);
  }
  const session = await openServerSession(base, opts.credentials ?? {});
  try {
    return await runSignedIn(base, session, collectionName, opts, onEvent);
  } finally {
    await session.close();
  }
}

async function runSignedIn(base: URL, session: ServerSession, collectionName: string, opts: ServerRunOptions, onEvent: (e: RunEvent) => void): Promise<RunSummary> {
  const api = (path: string, init: RequestInit = {}) => call(base, session, path, { ...init, headers: { ...session.headers, ...(init.headers as Record<string, string> | undefined) } });

  const environments = ((await api('api/environments')) as { environments?: Named[] } | Named[]);
  const envList = Array.isArray(environments) ? environments : (environments.environments ?? []);
  const env = pick(envList, opts.environment, 'environment', '-e "<environment name>"', base);
  const { collections } = (await api(`api/environments/${encodeURIComponent(env.id)}/collections`)) as { collections: Named[] };
  const collection = pick(collections, collectionName, `collection in environment "${env.name}"`, 'the collection name as the first argument', base, true);
  let folderId: string | undefined;
  if (opts.folder) {
    const view = (await api(`api/collections/${encodeURIComponent(collection.id)}`)) as { items: TreeNode[] };
    folderId = findFolderId(view.items, opts.folder, []);
    if (!folderId) throw new InputError(`No folder "${opts.folder}" in collection "${collection.name}" on ${base.origin}.`);
  }
  const data = opts.iterationData ? { fileName: opts.iterationData, content: readData(opts.iterationData) } : undefined;
  const started = (await api('api/runs', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ environmentId: env.id, collectionId: collection.id, ...(folderId ? { folderId } : {}), ...(opts.iterations ? { iterations: opts.iterations } : {}), ...(data ? { data } : {}), delayMs: opts.delayMs, bail: opts.bail }),
  })) as { id: string };

  const stop = () => void api(`api/runs/${encodeURIComponent(started.id)}/stop`, { method: 'POST' }).catch(() => undefined);
  process.once('SIGINT', stop);
  try {
    return await follow(base, session, started.id, onEvent);
  } finally {
    process.off('SIGINT', stop);
  }
}

async function follow(base: URL, session: ServerSession, id: string, onEvent: (e: RunEvent) => void): Promise<RunSummary> {
  const res = await request(base, `api/runs/${encodeURIComponent(id)}/events`, { headers: { ...session.headers, accept: 'text/event-stream' } });
  if (!res.ok || !res.body) throw new InputError(`The explorer at ${base.origin} did not stream run ${id} (${res.status}).`);
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let at: number;
    while ((at = buffer.indexOf('\n\n')) !== -1) {
      const block = buffer.slice(0, at);
      buffer = buffer.slice(at + 2);
      const event = /^event: ?(.*)$/m.exec(block)?.[1];
      const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).replace(/^ /, '')).join('\n');
      if (!data) continue;
      if (event === 'end') {
        const stored = JSON.parse(data) as { summary?: unknown; status?: string; error?: string };
        const summary = runSummarySchema.safeParse(stored.summary);
        if (!summary.success) throw new Error(`The run ended with no results (${stored.status ?? 'unknown'}${stored.error ? `: ${stored.error}` : ''}).`);
        return summary.data;
      }
      const parsed = runEventSchema.safeParse(JSON.parse(data));
      if (parsed.success) onEvent(parsed.data);
    }
  }
  throw new Error(`The explorer at ${base.origin} closed the event stream of run ${id} before it ended.`);
}

async function call(base: URL, session: ServerSession, path: string, init?: RequestInit): Promise<unknown> {
  const res = await request(base, path, init);
  const body = (await res.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
  if (res.status === 401) {
    throw new InputError(
      session.who
        ? `The explorer at ${base.origin} ended the session of ${session.who} (signed out everywhere, removed, or the server's sign-in changed): sign in again.`
        : `sign-in required: the explorer at ${base.origin} asks for sign-in; set EXPLORER_EMAIL (or --server-email) and EXPLORER_PASSWORD, or run it on a terminal to be asked for the password.`,
    );
  }
  if (res.status === 403 && session.who) {
    throw new InputError(`Signed in as ${session.who} at ${base.origin}, which may not do this: ${body?.error?.message ?? 'forbidden'} Ask an owner to change your role, or use another account.`);
  }
  if (!res.ok) {
    const message = body?.error?.message ?? `${res.status} ${res.statusText}`;
    throw new InputError(`The explorer at ${base.origin} answered ${res.status} to ${init?.method ?? 'GET'} /${path}: ${message}`);
  }
  return body;
}

function pick(list: Named[], wanted: string | undefined, what: string, flag: string, base: URL, required = false): Named {
  const names = list.map((x) => `"${x.name}"`).join(', ') || 'none';
  if (wanted === undefined || wanted === '') {
    if (!required && list.length === 1) return list[0]!;
    throw new InputError(`Name the ${what} to use with ${flag}; ${base.origin} has: ${names}.`);
  }
  const found = list.find((x) => x.id === wanted) ?? list.find((x) => x.name === wanted) ?? list.find((x) => x.name.toLowerCase() === wanted.toLowerCase());
  if (!found) throw new InputError(`No ${what.split(' in ')[0]} "${wanted}"${what.includes(' in ') ? ` in ${what.split(' in ')[1]}` : ''} on ${base.origin}; there are: ${names}.`);
  return found;
}

function findFolderId(items: TreeNode[], wanted: string, path: string[]): string | undefined {
  for (const item of items) {
    if (item.type !== 'folder') continue;
    const here = [...path, item.name];
    if (item.id === wanted || item.name === wanted || here.join('/') === wanted) return item.id;
    const inner = findFolderId(item.items, wanted, here);
    if (inner) return inner;
  }
  return undefined;
}

function readData(file: string): string {
  try {
    return readFileSync(userPath(file), 'utf8');
  } catch {
    throw new InputError(`Cannot read the iteration data file "${file}".`);
  }
}
