/// <reference lib="webworker" />
import { formatBody } from './format-body.ts';

// Parses and pretty-prints response bodies off the main thread (a 20 MB body takes seconds).
self.onmessage = (event: MessageEvent<{ id: number; body: string; contentType: string }>) => {
  const { id, body, contentType } = event.data;
  self.postMessage({ id, ...formatBody(body, contentType) });
};
