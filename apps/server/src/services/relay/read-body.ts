import { apiError } from '../../errors.ts';

/**
 * Reads a response body chunk by chunk and stops as soon as it passes `maxBytes`, so a huge or
 * endless body costs at most the cap in memory. Over the cap → 502 `response_too_large`: a cut-off
 * JSON document is of no use in the viewer, and the message says how to raise the cap.
 */
export async function readBody(res: Response, maxBytes: number, host: string): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length'));
  // content-length counts encoded bytes; only a raw body can be refused before reading it.
  if (!res.headers.get('content-encoding') && Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => {});
    throw tooLarge(host, maxBytes, declared);
  }
  if (!res.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(host, maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
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
