import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { SignJWT } from 'jose';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Handler = (req: RecordedRequest, res: ServerResponse, raw: IncomingMessage) => void | Promise<void>;

export interface RecordingServer {
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** TCP connections accepted, counted before any HTTP parsing: a canary's proof that nothing arrived. */
  connections: () => number;
  setHandler: (handler: Handler) => void;
  close: () => Promise<void>;
}

/** A throw-away HTTP listener on 127.0.0.1:0 that records every request it gets. */
export async function startRecordingServer(handler: Handler = (_req, res) => void res.end('ok')): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  let current = handler;
  const server = createServer((raw, res) => {
    const chunks: Buffer[] = [];
    raw.on('data', (c: Buffer) => chunks.push(c));
    raw.on('end', () => {
      const rec: RecordedRequest = {
        method: raw.method ?? '',
        path: raw.url ?? '',
        headers: raw.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(rec);
      Promise.resolve(current(rec, res, raw)).catch((err: unknown) => {
        res.statusCode = 500;
        res.end(String(err));
      });
    });
  });
  server.on('connection', (s) => {
    connections += 1;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    connections: () => connections,
    setHandler: (h) => {
      current = h;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

const signingKey = new TextEncoder().encode('test-only-signing-key-not-a-secret');

/** A JWT shaped like Kinde's M2M token (signature irrelevant: the server only decodes it). */
export async function kindeLikeToken(origin: string, opts: { ttlSeconds?: number; scope?: string; jti?: string } = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    aud: [`${origin}/api`],
    azp: 'test-client',
    gty: ['client_credentials'],
    scope: opts.scope ?? 'read:users create:users',
    jti: opts.jti ?? crypto.randomUUID(),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(origin)
    .setIssuedAt(now)
    .setExpirationTime(now + (opts.ttlSeconds ?? 3600))
    .sign(signingKey);
}

/** Token endpoint answering like Kinde for one client; everything else goes to `api`. */
export function fakeKinde(
  origin: () => string,
  opts: { clientId?: string; clientSecret?: string; ttlSeconds?: number; api?: Handler } = {},
): Handler {
  return async (req, res, raw) => {
    if (req.path === '/oauth2/token') {
      const form = new URLSearchParams(req.body);
      const json = (status: number, body: object) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (form.get('client_id') !== (opts.clientId ?? 'test-client') || form.get('client_secret') !== (opts.clientSecret ?? 'test-secret')) {
        return json(401, { error: 'invalid_client', error_description: 'Client authentication failed' });
      }
      const ttl = opts.ttlSeconds ?? 3600;
      return json(200, {
        access_token: await kindeLikeToken(origin(), { ttlSeconds: ttl }),
        expires_in: ttl,
        scope: 'read:users create:users',
        token_type: 'bearer',
      });
    }
    if (opts.api) return opts.api(req, res, raw);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ code: 'OK', users: [] }));
  };
}
