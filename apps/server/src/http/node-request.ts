import { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from 'hono';

/**
 * Shortcuts around @hono/node-server's lightweight Request. Touching `c.req.raw.signal` or its
 * body makes the adapter build a full WHATWG Request with a web-stream body (~0.2 ms per request);
 * on the hot path the Node request and response it passes as `c.env` are read directly instead.
 * Under `app.request()` (tests) there is no Node request and both fall back to the standard way.
 */
interface NodeBindings {
  incoming: IncomingMessage;
  outgoing: ServerResponse;
}

function nodeBindings(c: Context): NodeBindings | undefined {
  const env = c.env as Partial<NodeBindings> | undefined;
  return env?.incoming instanceof IncomingMessage && env.outgoing instanceof ServerResponse ? (env as NodeBindings) : undefined;
}

/**
 * A request header, from Node's parsed headers when there are some: `c.req.header()` makes the
 * adapter build a WHATWG Headers object from the raw ones first (~20 µs a request). Node keeps
 * the first of a repeated Host or Content-Type, as the adapter's URL does, and joins the others.
 */
export function requestHeader(c: Context, name: string): string | undefined {
  const node = nodeBindings(c);
  if (!node) return c.req.header(name);
  const value = node.incoming.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * The request body as text, read once and cached where Hono's own body readers look for it.
 * The Node stream is read directly only when the body has a declared length, which `bodyLimit`
 * has already checked; a chunked body goes through `bodyLimit`'s counting stream as usual.
 */
export function requestText(c: Context): Promise<string> {
  // Hono keeps promises here at run time, though its type says `string`.
  const cache = c.req.bodyCache as { text?: Promise<string> };
  if (cache.text) return cache.text;
  const node = nodeBindings(c);
  const declared = requestHeader(c, 'content-length') !== undefined && requestHeader(c, 'transfer-encoding') === undefined;
  const direct = node && declared && !node.incoming.readableDidRead;
  const text = direct ? readAll(node.incoming) : c.req.text();
  cache.text = text;
  return text;
}

function readAll(incoming: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.byteLength;
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size).toString('utf8'));
    };
    const onFail = (err?: Error) => {
      cleanup();
      reject(err ?? new Error('The client closed the connection before sending the whole body.'));
    };
    const onClose = () => {
      if (!incoming.complete) onFail();
    };
    function cleanup() {
      incoming.off('data', onData).off('end', onEnd).off('error', onFail).off('close', onClose);
    }
    incoming.on('data', onData).on('end', onEnd).on('error', onFail).on('close', onClose);
  });
}

/**
 * Calls `onGone` if the client goes away before its answer was written (a closed tab, a
 * cancelled fetch); returns a function that stops listening.
 */
export function onClientGone(c: Context, onGone: () => void): () => void {
  const node = nodeBindings(c);
  if (!node) {
    const signal = c.req.raw.signal;
    if (signal.aborted) onGone();
    else signal.addEventListener('abort', onGone, { once: true });
    return () => signal.removeEventListener('abort', onGone);
  }
  const { outgoing } = node;
  const onClose = () => {
    if (!outgoing.writableFinished) onGone();
  };
  if (outgoing.destroyed) onClose();
  else outgoing.once('close', onClose);
  return () => outgoing.off('close', onClose);
}
