import { pipeline, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { ApiError, apiError } from '../../errors.ts';
import type { UpstreamResponse } from './upstream-client.ts';

const DECODERS: Record<string, () => NodeJS.ReadWriteStream> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/**
 * Reads a response body chunk by chunk, decoding gzip/deflate/br, and stops as soon as the
 * decoded size passes `maxBytes`, so a huge, endless or zip-bomb body costs at most the cap in
 * memory. Over the cap → 502 `response_too_large`: a cut-off JSON document is of no use in the
 * viewer, and the message says how to raise the cap. An encoding it does not know (or a stack
 * of several) is passed on as the bytes that arrived.
 */
export async function readBody(res: UpstreamResponse, maxBytes: number, host: string): Promise<Buffer> {
  const decoder = res.contentEncoding ? DECODERS[res.contentEncoding] : undefined;
  // Only a raw body's declared length can be refused before reading it.
  if (!res.contentEncoding && res.contentLength !== undefined && Number.isFinite(res.contentLength) && res.contentLength > maxBytes) {
    res.body.on('error', () => {}).destroy();
    throw tooLarge(host, maxBytes, res.contentLength);
  }
  const source: Readable = decoder ? (pipeline(res.body, decoder(), () => {}) as unknown as Readable) : res.body;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      size += chunk.byteLength;
      if (size > maxBytes) throw tooLarge(host, maxBytes);
      chunks.push(chunk);
    }
  } catch (err) {
    // The upstream side failing (reset, timeout, cancel) is the caller's to name; bad data is ours.
    const badData = decoder !== undefined && !(err instanceof ApiError) && !res.body.errored;
    res.body.on('error', () => {}).destroy();
    throw badData ? undecodable(host, res.contentEncoding!, err) : err;
  }
  return Buffer.concat(chunks, size);
}

function undecodable(host: string, encoding: string, err: unknown) {
  return apiError(502, 'upstream_unreachable', `The ${encoding} body from ${host} could not be decoded (${(err as Error).message}).`, { host, reason: 'bad_encoding' });
}

function tooLarge(host: string, maxBytes: number, declared?: number) {
  const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  return apiError(
    502,
    'response_too_large',
    `The response from ${host} is larger than the ${mb(maxBytes)} limit${declared ? ` (${mb(declared)})` : ''}. ` +
      'Ask for less (e.g. a smaller page_size) or raise RELAY_MAX_RESPONSE_MB on the server.',
    { maxBytes },
  );
}
