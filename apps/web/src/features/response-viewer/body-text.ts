import type { FormattedBody } from '../../lib/response-worker/format-body.ts';
import type { SendOutcome } from '../../lib/response-worker/protocol.ts';
import { RAW_PREVIEW } from '../../lib/monaco/limits.ts';

const decoder = new TextDecoder();

/** Whether the response carried a body at all. */
export function hasBody(result: SendOutcome): boolean {
  return result.prepared !== undefined || result.body !== '';
}

/** The raw body as text (decoding a prepared large body: only on an explicit copy). */
export function rawText(result: SendOutcome): string {
  return result.prepared ? decoder.decode(result.prepared.raw) : result.body;
}

/** What the Raw view shows: all of a normal body, the start of a large one. */
export function rawPreview(result: SendOutcome): { text: string; partial: boolean } {
  if (!result.prepared) return { text: result.body, partial: false };
  const raw = result.prepared.raw;
  return { text: decoder.decode(raw.subarray(0, RAW_PREVIEW)), partial: raw.length > RAW_PREVIEW };
}

/** The pretty text (for copy). */
export function prettyText(result: SendOutcome, formatted: FormattedBody | null): string {
  if (!formatted) return rawText(result);
  return formatted.large ? decoder.decode(formatted.large.bytes) : formatted.pretty;
}

/** File content for "Save to file": bytes as received for large bodies, no decoding needed. */
export function fileContent(result: SendOutcome, formatted: FormattedBody | null, pretty: boolean): Blob | string {
  if (pretty && formatted?.large) return new Blob([formatted.large.bytes as BlobPart]);
  if (result.prepared) return new Blob([result.prepared.raw as BlobPart]);
  return pretty && formatted ? formatted.pretty : result.body;
}
