import type { MiddlewareHandler } from 'hono';
import { stream } from 'hono/streaming';
import type { AppEnv } from './context.ts';
import { errorBody } from './errors.ts';
import type { Faults } from './options.ts';

export const NO_FAULTS: Faults = {
  latencyMs: 0,
  status: null,
  reset: false,
  largeBodyBytes: null,
  invalidJson: false,
  pathPrefix: null,
};

const DEFAULT_PREFIX = '/api/v1/';

/** Raised when a reset is asked for without a socket to destroy (`app.request()` in tests). */
export class ConnectionResetFault extends Error {
  constructor() {
    super('Sandbox fault: connection reset');
    this.name = 'ConnectionResetFault';
  }
}

const USER_TEMPLATE = (i: number) =>
  JSON.stringify({
    id: `kp_${i.toString(16).padStart(32, '0')}`,
    email: `bulk.user${i}@example.com`,
    first_name: 'Bulk',
    last_name: `User ${i}`,
    is_suspended: false,
    total_sign_ins: i % 97,
    created_on: '2024-01-01T00:00:00.000000+00:00',
  });

/** Streams `{"users":[...]}` of about `bytes` bytes without holding it in memory. */
async function writeLargeBody(write: (chunk: string) => Promise<unknown>, bytes: number) {
  const open = '{"users":[';
  const close = ']}';
  let sent = open.length + close.length;
  await write(open);
  let i = 0;
  let chunk = '';
  while (sent < bytes) {
    const item = (i > 0 ? ',' : '') + USER_TEMPLATE(i);
    chunk += item;
    sent += item.length;
    i++;
    if (chunk.length >= 64 * 1024) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk + close);
}

/** Applies the current faults to matching requests, before auth, as a failing upstream would. */
export function faultMiddleware(get: () => Faults): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const f = get();
    if (c.req.path.startsWith('/__sandbox') || !c.req.path.startsWith(f.pathPrefix ?? DEFAULT_PREFIX)) return next();
    if (f.latencyMs > 0) await new Promise((r) => setTimeout(r, f.latencyMs));
    if (f.reset) {
      const socket = c.env?.incoming?.socket;
      if (!socket) throw new ConnectionResetFault();
      socket.destroy();
      // Nothing can be written any more; answer something so the handler chain ends.
      return c.body(null, 500);
    }
    if (f.status) {
      // Clients that honour Retry-After should get one on throttling and outage statuses.
      if (f.status === 429 || f.status === 503) c.header('Retry-After', '1');
      return c.json(errorBody('SANDBOX_FAULT', `Status ${f.status} forced by the sandbox's fault settings.`), f.status as 500);
    }
    if (f.invalidJson) {
      return c.body('{"users":[{"id":"kp_1","email":', 200, { 'content-type': 'application/json; charset=utf-8' });
    }
    if (f.largeBodyBytes && f.largeBodyBytes > 0) {
      const bytes = f.largeBodyBytes;
      c.header('content-type', 'application/json; charset=utf-8');
      return stream(c, (s) => writeLargeBody((chunk) => s.write(chunk), bytes));
    }
    return next();
  };
}
