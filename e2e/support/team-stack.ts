import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { startRoundRobinProxy, type RoundRobinProxy } from '../../apps/server/src/testing/round-robin-proxy.ts';

const REPO = resolve(import.meta.dirname, '../..');
const BUNDLE = join(REPO, 'apps/server/dist/main.js');
const DOC = join(REPO, 'docs/team-server.md');

/** Test-only: a request with this header goes to instance 1 or 2 instead of the round robin. */
export const PIN_HEADER = 'x-e2e-instance';
/** Test-only: every answer through the balancer names the instance that served it (`127.0.0.1:port`). */
export const UPSTREAM_HEADER = 'x-upstream';

export interface TeamInstance {
  /** 1 or 2, as the pin header names it. */
  n: 1 | 2;
  port: number;
  /** `127.0.0.1:port`, as the upstream header names it. */
  addr: string;
  /** The owner set-up code it printed at its first start (none once an owner exists). */
  setupCode: string | undefined;
  output: () => string;
}

export interface TeamStack {
  /** The one address people use: the balancer. */
  url: string;
  /** What balances: real nginx with the doc's configuration, or the repo's round-robin proxy as a fallback. */
  balancer: 'nginx' | 'round-robin proxy';
  instances: [TeamInstance, TeamInstance];
  /** The nginx configuration in use (the doc's block with loopback ports), for the log. */
  nginxConfig: string | undefined;
  /** Which instance an upstream header value names. */
  instanceOf: (upstream: string | undefined) => 1 | 2 | undefined;
  /** SIGKILL, as a crash or the OOM killer would. */
  kill: (n: 1 | 2) => Promise<void>;
  /** Starts a killed instance again on its port, as a process manager would. */
  restart: (n: 1 | 2) => Promise<void>;
  close: () => Promise<void>;
}

/** The `nginx` executable, if this machine has one; `NGINX_PATH=` (empty) acts as if it had none. */
export function findNginx(): string | undefined {
  if (process.env.NGINX_PATH !== undefined) return process.env.NGINX_PATH.trim() || undefined;
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/local/sbin', '/usr/local/nginx/sbin'];
  return dirs.map((d) => join(d, 'nginx')).find((p) => existsSync(p));
}

/**
 * The ```nginx block of docs/team-server.md made to run on loopback: only the `listen` line and the
 * two upstream `server` addresses change. For the test (and only here) each answer names its upstream
 * and a pin header can send a request to one instance; without the header it is the doc's round robin.
 */
export function nginxConfigFromDoc(doc: string, ports: { listen: number; instances: [number, number] }): string {
  const blocks = [...doc.matchAll(/```nginx\n([\s\S]*?)```/g)];
  if (blocks.length !== 1) throw new Error(`docs/team-server.md should have one \`\`\`nginx block, found ${blocks.length}`);
  let conf = blocks[0]![1]!;
  /** Replaces the one match of `pattern`; the doc having none or several means this code needs a look. */
  const once = (pattern: RegExp, replacement: string, what: string) => {
    const found = [...conf.matchAll(new RegExp(pattern.source, 'g'))].length;
    if (found !== 1) throw new Error(`the doc's nginx block should have one ${what}, found ${found}: update e2e/support/team-stack.ts`);
    conf = conf.replace(pattern, () => replacement);
  };
  const upstream = /upstream\s+(\w+)\s*\{/.exec(conf)?.[1];
  if (!upstream) throw new Error("the doc's nginx block has no upstream group");
  let i = 0;
  conf = conf.replace(/(\n\s*server\s+)[\w.[\]:-]+:\d+/g, (_m, lead: string) => `${lead}127.0.0.1:${ports.instances[i++] ?? 0}`);
  if (i !== 2) throw new Error(`the doc's upstream should list two servers, found ${i}`);
  once(/listen\s+[^;]+;/, `listen 127.0.0.1:${ports.listen};`, '`listen` line');
  once(new RegExp(`proxy_pass\\s+http://${upstream};`), 'proxy_pass http://$e2e_upstream;\n            add_header X-Upstream $upstream_addr always;', `proxy_pass http://${upstream};`);
  const pins = `
# Test-only: the header ${PIN_HEADER}: 1|2 sends a request to one instance; without it, the doc's round robin.
map $http_${PIN_HEADER.replace(/-/g, '_')} $e2e_upstream {
    default ${upstream};
    1 ${upstream}_1;
    2 ${upstream}_2;
}
upstream ${upstream}_1 { server 127.0.0.1:${ports.instances[0]}; keepalive 8; }
upstream ${upstream}_2 { server 127.0.0.1:${ports.instances[1]}; keepalive 8; }
`;
  return `${pins}\n# From docs/team-server.md (listen and upstream ports changed):\n${conf}`;
}

function nginxMainConfig(dir: string, http: string): string {
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `    ${t}_temp_path ${join(dir, `${t}_temp`)};`).join('\n');
  return [
    // Workers of a root master run as `nobody`, which cannot enter the private temp folder.
    process.getuid?.() === 0 ? 'user root;' : '',
    'worker_processes 1;',
    'events { worker_connections 512; }',
    'http {',
    `    access_log ${join(dir, 'access.log')};`,
    temp,
    http.replace(/^/gm, '    '),
    '}',
    '',
  ].join('\n');
}

async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs: number, detail: () => string = () => ''): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`${what} in ${timeoutMs / 1000} s\n${detail()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Two explorer instances (the built bundle, as `pnpm start` runs it) on a PostgreSQL schema of
 * their own, with named accounts and no owner yet, behind real nginx configured as
 * docs/team-server.md says — or, where nginx is not installed (never in CI), the repo's
 * round-robin proxy. Ports: `base` (the balancer), `base + 1`, `base + 2`.
 */
export async function startTeamStack(opts: { base: number; kindeSpec: string; webDist?: string }): Promise<TeamStack> {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`pnpm build\` (pnpm test:e2e does) first`);
  const nginx = findNginx();
  if (!nginx && process.env.CI) throw new Error('nginx is required in CI (.ci/run installs it): the team test runs the configuration of docs/team-server.md');
  const dir = mkdtempSync(join(tmpdir(), 'kinde-explorer-e2e-team-'));
  const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `e2e_team_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect().catch((err: Error) => {
    throw new Error(`the team test needs PostgreSQL at ${databaseUrl} (TEST_DATABASE_URL): ${err.message}`);
  });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);

  const secretKey = randomBytes(32).toString('base64');
  const ports: [number, number] = [opts.base + 1, opts.base + 2];
  const children = new Map<1 | 2, ChildProcess>();
  const instances = ports.map((port, i) => ({ n: (i + 1) as 1 | 2, port, addr: `127.0.0.1:${port}`, setupCode: undefined as string | undefined, output: () => '' })) as [TeamInstance, TeamInstance];

  const startInstance = async (inst: TeamInstance) => {
    const dataDir = join(dir, `instance-${inst.n}`);
    mkdirSync(dataDir, { recursive: true });
    // The variables of the doc's step 3 (the Kinde sandbox is the suite's own, reached by URL).
    const child = spawn(process.execPath, [BUNDLE], {
      cwd: REPO,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        PORT: String(inst.port),
        DATABASE_URL: url.toString(),
        EXPLORER_SECRET_KEY: secretKey,
        EXPLORER_SIGN_IN: 'accounts',
        EXPLORER_ALLOWED_HOSTS: 'explorer.example.com',
        EXPLORER_TRUSTED_PROXIES: '127.0.0.1',
        SANDBOX: 'off',
        DATA_DIR: dataDir,
        KINDE_SPEC: opts.kindeSpec,
        LOG_LEVEL: 'warn',
        ...(opts.webDist ? { WEB_DIST: opts.webDist } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.set(inst.n, child);
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    inst.output = () => out;
    await until(
      `instance ${inst.n} did not start`,
      async () => {
        if (child.exitCode !== null) throw new Error(`instance ${inst.n} exited with ${child.exitCode}:\n${out}`);
        return /Kinde API Explorer: http:\/\/\S+/.test(out) ? true : undefined;
      },
      60_000,
      () => out,
    ).catch((err: Error) => {
      if (child.exitCode !== null) throw new Error(`instance ${inst.n} exited with ${child.exitCode}:\n${out}`);
      throw err;
    });
    if (!/Storage:\s+PostgreSQL/.test(out)) throw new Error(`instance ${inst.n} is not on PostgreSQL:\n${out}`);
    inst.setupCode = /set-up code ([\w-]+)/.exec(out)?.[1];
  };
  const stopInstance = async (n: 1 | 2, signal: NodeJS.Signals) => {
    const child = children.get(n);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  };

  let proxy: RoundRobinProxy | undefined;
  let nginxChild: ChildProcess | undefined;
  let nginxConfig: string | undefined;
  const cleanup = async () => {
    for (const n of [1, 2] as const) await stopInstance(n, 'SIGKILL');
    if (nginxChild && nginxChild.exitCode === null) {
      const exited = new Promise((r) => nginxChild!.once('exit', r));
      nginxChild.kill('SIGTERM');
      await exited;
    }
    await proxy?.close();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
    await admin.end().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await Promise.all(instances.map(startInstance));
    let balancerUrl: string;
    if (nginx) {
      nginxConfig = nginxConfigFromDoc(readFileSync(DOC, 'utf8'), { listen: opts.base, instances: ports });
      const conf = join(dir, 'nginx.conf');
      writeFileSync(conf, nginxMainConfig(dir, nginxConfig));
      const check = spawnSync(nginx, ['-t', '-q', '-e', join(dir, 'error.log'), '-p', dir, '-c', conf, '-g', `pid ${join(dir, 'nginx.pid')};`], { encoding: 'utf8' });
      if (check.status !== 0) throw new Error(`nginx refused the doc's configuration:\n${check.stderr}\n${nginxConfig}`);
      nginxChild = spawn(nginx, ['-e', join(dir, 'error.log'), '-p', dir, '-c', conf, '-g', `daemon off; pid ${join(dir, 'nginx.pid')}; error_log ${join(dir, 'error.log')};`], { stdio: ['ignore', 'pipe', 'pipe'] });
      let nginxOut = '';
      nginxChild.stderr!.on('data', (d: Buffer) => (nginxOut += d.toString()));
      balancerUrl = `http://127.0.0.1:${opts.base}`;
      const errorLog = () => nginxOut + (existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '');
      await until(
        'nginx did not answer',
        async () => {
          if (nginxChild!.exitCode !== null) throw new Error(`nginx exited with ${nginxChild!.exitCode}:\n${errorLog()}`);
          return (await fetch(`${balancerUrl}/api/health`)).ok ? true : undefined;
        },
        20_000,
        errorLog,
      );
    } else {
      proxy = await startRoundRobinProxy(
        ports.map((p) => `http://127.0.0.1:${p}`),
        { port: opts.base, retryRefused: true, upstreamHeader: UPSTREAM_HEADER, pinHeader: PIN_HEADER, failTimeoutMs: 5000 },
      );
      balancerUrl = proxy.url;
    }

    return {
      url: balancerUrl,
      balancer: nginx ? 'nginx' : 'round-robin proxy',
      instances,
      nginxConfig,
      instanceOf: (upstream) => {
        // nginx lists every address it tried ("127.0.0.1:1, 127.0.0.1:2"): the last one answered.
        const last = upstream?.split(',').pop()?.trim();
        return instances.find((i) => i.addr === last)?.n;
      },
      kill: (n) => stopInstance(n, 'SIGKILL'),
      restart: async (n) => {
        const inst = instances[n - 1]!;
        await startInstance(inst);
        // nginx skips a server for fail_timeout after it failed; wait until it is back in the rotation.
        await until(
          `the balancer did not route to instance ${n} again`,
          async () => {
            const res = await fetch(`${balancerUrl}/api/health`);
            return res.ok && res.headers.get(UPSTREAM_HEADER)?.split(',').pop()?.trim() === inst.addr ? true : undefined;
          },
          30_000,
        );
      },
      close: cleanup,
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
