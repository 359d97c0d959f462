import type { SendInput } from '@kinde-explorer/core';
import { ApiClientError } from '../api-error.ts';
import { newId } from '../ids.ts';
import ResponseWorker from './worker.ts?worker';
import type { SendOutcome, WorkerReply, WorkerRequest } from './protocol.ts';

let worker: Worker | null = null;
// Replies by message id (a send's id is its request id).
const waiting = new Map<string, (reply: WorkerReply) => void>();

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

function call(message: Extract<WorkerRequest, { id: string }>): Promise<WorkerReply> {
  const reply = new Promise<WorkerReply>((resolve) => waiting.set(message.id, resolve));
  getWorker().postMessage(message);
  return reply;
}

/**
 * `POST /api/send` through the typed client, run in the response worker so a large answer is
 * received and prepared off the main thread. The worker owns the fetch; `cancelInWorker` with
 * the same `requestId` stops it. Rejects with ApiClientError like every API call.
 */
export async function sendInWorker(input: SendInput & { requestId: string }): Promise<SendOutcome> {
  const answer = await call({ type: 'send', id: input.requestId, input });
  if ('ok' in answer && answer.ok) return answer.outcome;
  if ('ok' in answer) {
    const { status, code, message, details } = answer.error;
    throw new ApiClientError(status, code, message, details);
  }
  throw new ApiClientError(0, 'internal_error', 'The response worker answered something unexpected.');
}

/** Cancels a send started with `sendInWorker`: the worker aborts its fetch and tells the server. */
export function cancelInWorker(requestId: string): void {
  worker?.postMessage({ type: 'cancel', id: requestId } satisfies WorkerRequest);
}

/** Search hits [line, column, …] in a large body the worker keeps. */
export async function searchLargeBody(docId: string, query: string): Promise<{ hits: Uint32Array; capped: boolean }> {
  const answer = await call({ type: 'search', id: newId('search'), docId, query });
  return 'hits' in answer ? { hits: answer.hits, capped: answer.capped } : { hits: new Uint32Array(0), capped: false };
}

/** Lets the worker drop a large body nobody shows any more. */
export function releaseLargeBody(docId: string): void {
  worker?.postMessage({ type: 'release', docId } satisfies WorkerRequest);
}
