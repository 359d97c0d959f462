import FormatWorker from './format-worker.ts?worker';
import { formatBody, type FormattedBody } from './format-body.ts';

// Small bodies are formatted in place: a worker round trip would only add latency.
const INLINE_LIMIT = 64 * 1024;

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, (result: FormattedBody) => void>();

function getWorker(): Worker {
  if (!worker) {
    worker = new FormatWorker();
    worker.onmessage = (event: MessageEvent<FormattedBody & { id: number }>) => {
      const { id, ...result } = event.data;
      waiting.get(id)?.(result);
      waiting.delete(id);
    };
  }
  return worker;
}

/** Formats a response body for display without blocking the page on large bodies. */
export function formatBodyAsync(body: string, contentType: string): Promise<FormattedBody> {
  if (body.length <= INLINE_LIMIT) return Promise.resolve(formatBody(body, contentType));
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    getWorker().postMessage({ id, body, contentType });
  });
}
