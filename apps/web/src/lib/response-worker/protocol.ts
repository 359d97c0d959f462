import type { SendInput, SendResult } from '@kinde-explorer/core';
import type { CaptureResult, ConsoleEntry, TestResult } from '@kinde-explorer/runner';
import type { FormattedBody } from './format-body.ts';

/** A large body prepared in the worker: the raw bytes and the formatted, indexed view of them. */
export interface PreparedBody {
  raw: Uint8Array;
  formatted: FormattedBody;
}

/**
 * What a send yields in the browser: the server's result, and for a large body, `prepared`
 * (then `body` is empty: the text never exists as one string on the main thread).
 */
export type SendOutcome = SendResult & { prepared?: PreparedBody; tests?: SendTests };

/** A send of a request with tests: what its scripts and assertions said (run on the server). */
export interface SendTests {
  results: TestResult[];
  console: ConsoleEntry[];
  captures: CaptureResult[];
}

export interface SerializedError {
  status: number;
  code: string;
  message: string;
  details?: unknown;
}

/** A send's one id, end to end: the reply, the cancel, the server's `DELETE /api/send/:requestId`. */
export type SendMessage = { type: 'send'; id: string; input: SendInput & { requestId: string } };

export type WorkerRequest =
  | SendMessage
  | { type: 'cancel'; id: string }
  | { type: 'search'; id: string; docId: string; query: string }
  | { type: 'release'; docId: string };

export type WorkerReply =
  | { id: string; ok: true; outcome: SendOutcome }
  | { id: string; ok: false; error: SerializedError }
  | { id: string; hits: Uint32Array; capped: boolean };
