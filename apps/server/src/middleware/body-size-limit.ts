import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { apiError } from '../errors.ts';
import { requestHeader } from '../http/node-request.ts';

/**
 * Refuses request bodies over `maxBytes` with 413 before anything reads them. A declared
 * Content-Length is checked from the header alone (Node's parser never delivers more than it
 * declares); only a chunked body goes through Hono's `bodyLimit`, which counts while reading.
 * Hono's version alone asks `c.req.raw.body` first, which makes @hono/node-server build a
 * WHATWG Request and a web stream for every request (~0.1 ms each).
 */
export function bodySizeLimit(maxBytes: number): MiddlewareHandler {
  const tooLarge = () => apiError(413, 'payload_too_large', `Request bodies are limited to ${maxBytes / 1024 / 1024} MB.`);
  const counting = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw tooLarge();
    },
  });
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    const declared = requestHeader(c, 'content-length');
    if (declared !== undefined && requestHeader(c, 'transfer-encoding') === undefined) {
      if (Number(declared) > maxBytes) throw tooLarge();
      return next();
    }
    return counting(c, next);
  };
}
