import type { SendInput } from '@kinde-explorer/core';
import { ApiClientError } from '../api-error.ts';
import ResponseWorker from './worker.ts?worker';
import type { SendOutcome, WorkerReply, WorkerRequest } from './protocol.ts';

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, (reply: WorkerReply) => void>();

function getWorker(): Worker {
  if (!worker) {
    worker = new ResponseWorker({ name: 'response-worker' });
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      waiting.get(event.data.id)?.(event.data);
      waiting.delete(event.data.id);
    };
  }
  return worker;
}

function call(build: (id: number) => WorkerRequest): { id: number; reply: Promise<WorkerReply> } {
  const id = nextId++;
  const reply = new Promise<WorkerReply>((resolve) => waiting.set(id, resolve));
  getWorker().postMessage(build(id));
  return { id, reply };
}

/**
 * `POST /api/send` through the typed client, run in the response worker so a large answer is
 * received and prepared off the main thread. Rejects with ApiClientError like every API call.
 */
export async function sendInWorker(input: SendInput, signal: AbortSignal): Promise<SendOutcome> {
  if (signal.aborted) throw new ApiClientError(0, 'cancelled', 'The request was cancelled.');
  const { id, reply } = call((id) => ({ type: 'send', id, input }));
  const onAbort = () => getWorker().postMessage({ type: 'abort', id } satisfies WorkerRequest);
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    const answer = await reply;
    if ('ok' in answer && answer.ok) return answer.outcome;
    if ('ok' in answer) {
      const { status, code, message, details } = answer.error;
      throw new ApiClientError(status, code, message, details);
    }
    throw new ApiClientError(0, 'internal_error', 'The response worker answered something unexpected.');
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** Search hits [line, column, …] in a large body the worker keeps. */
export async function searchLargeBody(docId: number, query: string): Promise<{ hits: Uint32Array; capped: boolean }> {
  const answer = await call((id) => ({ type: 'search', id, docId, query })).reply;
  return 'hits' in answer ? { hits: answer.hits, capped: answer.capped } : { hits: new Uint32Array(0), capped: false };
}

/** Lets the worker drop a large body nobody shows any more. */
export function releaseLargeBody(docId: number): void {
  worker?.postMessage({ type: 'release', docId } satisfies WorkerRequest);
}
