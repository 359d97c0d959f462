import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, startChild, tempDir, waitFor200, type Child } from './processes.ts';

/** nginx as docs/team-server.md runs it; BENCH_NGINX names another binary, BENCH_NGINX=off skips it. */
const NGINX = process.env.BENCH_NGINX ?? '/usr/sbin/nginx';

export interface Balancer {
  url: string;
  /** What balances, for the tables: `nginx 1 worker` or the repo's round-robin proxy. */
  kind: string;
  /** The process doing the balancing, for its CPU time (undefined when it runs inside the bench). */
  pid: number | undefined;
  stop(): Promise<void>;
}

/**
 * A round-robin balancer in front of `targets` on loopback: nginx with docs/team-server.md's
 * upstream block (keep-alive connections to the instances, Host passed through) when it is
 * installed, else apps/server's round-robin proxy (http-proxy, in this process).
 */
export async function startBalancer(targets: string[]): Promise<Balancer> {
  if (NGINX !== 'off' && existsSync(NGINX)) return startNginx(targets);
  const { startRoundRobinProxy } = await import('../../apps/server/src/testing/round-robin-proxy.ts');
  const proxy = await startRoundRobinProxy(targets, { port: await freePort() });
  return { url: proxy.url, kind: 'round-robin proxy (apps/server/src/testing, in the bench process)', pid: undefined, stop: () => proxy.close() };
}

async function startNginx(targets: string[]): Promise<Balancer> {
  const dir = tempDir('nginx');
  const port = await freePort();
  const servers = targets.map((t) => `    server ${new URL(t).host} max_fails=1 fail_timeout=5s;`).join('\n');
  // One process (no master) so its CPU time is that of the one worker doing the balancing.
  const conf = `daemon off;
master_process off;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${join(dir, 'body')};
  proxy_temp_path ${join(dir, 'proxy')};
  fastcgi_temp_path ${join(dir, 'fastcgi')};
  uwsgi_temp_path ${join(dir, 'uwsgi')};
  scgi_temp_path ${join(dir, 'scgi')};
  upstream explorer {
${servers}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 25m;
    location / {
      proxy_pass http://explorer;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_read_timeout 120s;
      proxy_next_upstream error timeout;
    }
  }
}
`;
  const file = join(dir, 'nginx.conf');
  writeFileSync(file, conf);
  const child: Child = startChild(NGINX, ['-p', dir, '-c', file, '-e', join(dir, 'error.log')], {});
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor200(`${url}/api/health`, child, 15_000);
  } catch (err) {
    await child.stop();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url,
    kind: 'nginx, 1 worker, keepalive 32 (docs/team-server.md)',
    pid: child.pid,
    async stop() {
      await child.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
