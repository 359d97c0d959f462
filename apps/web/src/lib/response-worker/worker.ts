/// <reference lib="webworker" />
import { client, unwrap } from '../api-client.ts';
import { errorFromThrown } from '../api-error.ts';
import { LARGE_TEXT } from '../monaco/limits.ts';
import { formatBody } from './format-body.ts';
import { byteLineStarts, jsonFolds, searchText, textLineStarts } from './large-body.ts';
import type { PreparedBody, SendMessage, WorkerReply, WorkerRequest } from './protocol.ts';

// Sends requests and prepares large bodies off the main thread: receiving, parsing and
// pretty-printing a 20 MB response would otherwise block the page for seconds.

// The worker owns each send's fetch, by request id, and the cancel that goes with it.
const sends = new Map<string, AbortController>();
const searchable = new Map<string, { text: string; starts: Uint32Array }>();
// Only the latest few large bodies stay searchable, to bound the worker's memory.
const KEEP = 3;

function reply(message: WorkerReply, transfer: Transferable[] = []) {
  self.postMessage(message, transfer);
}

function prepare(id: string, body: string, contentType: string): { prepared: PreparedBody; transfer: Transferable[] } {
  const raw = new TextEncoder().encode(body);
  const formatted = formatBody(body, contentType);
  const text = formatted.pretty;
  const bytes = formatted.isJson ? new TextEncoder().encode(text) : raw;
  const lineStarts = byteLineStarts(bytes);
  const folds = formatted.isJson ? jsonFolds(text) : new Uint32Array(0);
  searchable.set(id, { text, starts: textLineStarts(text) });
  for (const docId of searchable.keys()) if (searchable.size > KEEP) searchable.delete(docId);
  const large = { docId: id, bytes, lineStarts, folds, lineCount: lineStarts.length - 1 };
  const transfer: Transferable[] = [raw.buffer, lineStarts.buffer, folds.buffer];
  if (bytes !== raw) transfer.push(bytes.buffer);
  return { prepared: { raw, formatted: { ...formatted, pretty: '', large } }, transfer };
}

async function send(msg: SendMessage) {
  const controller = new AbortController();
  sends.set(msg.id, controller);
  try {
    const result = await unwrap(client.api.send.$post({ json: msg.input }, { init: { signal: controller.signal } }));
    if (result.bodyEncoding === 'utf8' && result.body.length > LARGE_TEXT) {
      const contentType = result.headers.find((h) => h.key.toLowerCase() === 'content-type')?.value ?? '';
      const { prepared, transfer } = prepare(msg.id, result.body, contentType);
      reply({ id: msg.id, ok: true, outcome: { ...result, body: '', prepared } }, transfer);
    } else {
      reply({ id: msg.id, ok: true, outcome: result });
    }
  } catch (thrown) {
    const err = errorFromThrown(thrown);
    reply({ id: msg.id, ok: false, error: { status: err.status, code: err.code, message: err.message, details: err.details } });
  } finally {
    sends.delete(msg.id);
  }
}

/**
 * Aborts the fetch (closing the connection stops the server's upstream call) and names the send
 * to the server as well, in case it had not yet seen the connection close.
 */
function cancel(requestId: string) {
  const controller = sends.get(requestId);
  if (!controller) return;
  sends.delete(requestId);
  controller.abort();
  void unwrap(client.api.send[':requestId'].$delete({ param: { requestId } })).catch(() => {
    // Already finished or already aborted through the closed connection: nothing to do.
  });
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const msg = event.data;
  switch (msg.type) {
    case 'send':
      void send(msg);
      break;
    case 'cancel':
      cancel(msg.id);
      break;
    case 'search': {
      const doc = searchable.get(msg.docId);
      const found = doc ? searchText(doc.text, doc.starts, msg.query) : { hits: new Uint32Array(0), capped: false };
      reply({ id: msg.id, ...found }, [found.hits.buffer]);
      break;
    }
    case 'release':
      searchable.delete(msg.docId);
      break;
  }
};
