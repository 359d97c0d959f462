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

export type WorkerRequest =
  | { type: 'send'; id: number; input: SendInput }
  | { type: 'abort'; id: number }
  | { type: 'search'; id: number; docId: number; query: string }
  | { type: 'release'; docId: number };

export type WorkerReply =
  | { id: number; ok: true; outcome: SendOutcome }
  | { id: number; ok: false; error: SerializedError }
  | { id: number; hits: Uint32Array; capped: boolean };
